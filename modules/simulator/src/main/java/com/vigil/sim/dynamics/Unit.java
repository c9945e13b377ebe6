package com.vigil.sim.dynamics;

import com.vigil.model.TagDef;

/**
 * An equipment unit: physics shared by several tags. The primary tag's {@code sim.model} selects it; its
 * sibling tags are found by convention: same prefix ({@code TF.T101.}) and a known suffix.
 */
abstract class Unit {
    final PlantDynamics d;
    final String prefix;
    final TagModel m;

    Unit(PlantDynamics d, int primary) {
        this.d = d;
        String id = d.tags.get(primary).id();
        this.prefix = id.substring(0, id.lastIndexOf('.') + 1);
        this.m = d.models[primary];
    }

    abstract void step(double t, double h);

    /** Equipment id, e.g. {@code RX.R201}. */
    String equipment() {
        return prefix.substring(0, prefix.length() - 1);
    }

    int sibling(String suffix) {
        return d.indexOrMinus(prefix + suffix);
    }

    void set(int i, double v) {
        if (i >= 0) {
            d.truth[i] = v;
        }
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static Unit create(PlantDynamics d, int i) {
        TagModel m = d.models[i];
        if (m.kind != TagModel.Kind.UNIT) {
            return null;
        }
        return switch (m.name) {
            case "tank" -> new Tank(d, i);
            case "reactor" -> new Reactor(d, i);
            case "rotating" -> new Rotating(d, i);
            default -> null;
        };
    }

    /**
     * Atmospheric storage tank: inflow varies with the day/night load and the upstream batches; a PI loop holds
     * the level at its set point with the outlet control valve (LV); outflow grows with valve opening and head.
     * Tags: LT (primary), FI, FT, LV.
     */
    static final class Tank extends Unit {
        final int lt;
        final int fi;
        final int ft;
        final int lv;
        final double sp;
        final double qin0;
        final double period;
        final double phase;
        final double area;
        final double height;
        final double qmax;
        final double kp;
        final double ti;
        double level;
        double integ;
        double valve;
        double qin;
        double qout;

        Tank(PlantDynamics d, int primary) {
            super(d, primary);
            lt = primary;
            fi = sibling("FI");
            ft = sibling("FT");
            lv = sibling("LV");
            sp = m.num("sp", 50);
            qin0 = m.num("qin", 40);
            period = m.num("period", 2400);
            phase = m.num("phase", 0);
            area = m.num("area", 80);
            height = m.num("height", 12);
            qmax = m.num("qmax", 120);
            kp = m.num("kp", 0.2);
            ti = m.num("ti", 1800);
            level = sp;
            valve = qin0 / outflowAtFullValve(level);
        }

        private double outflowAtFullValve(double lvl) {
            // orifice-like: flow grows with the square root of the liquid head
            return qmax * Math.sqrt((0.5 + Math.max(0, lvl) / 100 * height) / (0.5 + 0.5 * height));
        }

        @Override
        void step(double t, double h) {
            qin = qin0 * (1 + 0.15 * d.day(t) + 0.12 * Math.sin(2 * Math.PI * t / period + phase));
            double e = level - sp;
            double u = valve0() + kp * (e + integ);
            if ((u < 1 || e < 0) && (u > 0 || e > 0)) {
                integ += e * h / ti; // no wind-up while the valve is at a stop
            }
            valve = clamp(valve0() + kp * (e + integ), 0, 1);
            qout = valve * outflowAtFullValve(level);
            level += (qin - qout) / 3600.0 / (area * height) * 100 * h;
            level = clamp(level, 0, 100);
            set(lt, level);
            set(fi, qin);
            set(ft, qout);
            set(lv, valve * 100);
        }

        private double valve0() {
            return qin0 / outflowAtFullValve(sp);
        }
    }

    /**
     * Jacketed batch reactor on a fixed cycle (1 charge 20 min, 2 react 55 min, 3 digest 25 min, 4 discharge
     * 20 min). The exothermic heat release depends on the step and (Arrhenius-like) on temperature; a PI loop
     * holds the temperature with the cooling water valve (flow = valve × availability × max flow). Pressure
     * follows temperature and level. Tags: TT (primary), PT, LT, CWT, CWF, TCV, FI, FO, STEP, AGI, PSV.
     */
    static final class Reactor extends Unit {
        static final double CYCLE = 7200;
        final int tt;
        final int pt;
        final int lt;
        final int cwt;
        final int cwf;
        final int tcv;
        final int fi;
        final int fo;
        final int stepTag;
        final int agi;
        final int psv;
        final int cwSupply;
        final double sp;
        final double phase;
        final double cp;
        final double uaMax;
        final double f0;
        final double fMax;
        final double kp;
        final double ti;
        double temp;
        double integ;
        double valve = 0.5;
        double cwAvail = 1;
        double cwAvailTarget = 1;
        double vent = 1;
        boolean venting;

        Reactor(PlantDynamics d, int primary) {
            super(d, primary);
            tt = primary;
            pt = sibling("PT");
            lt = sibling("LT");
            cwt = sibling("CWT");
            cwf = sibling("CWF");
            tcv = sibling("TCV");
            fi = sibling("FI");
            fo = sibling("FO");
            stepTag = sibling("STEP");
            agi = sibling("AGI");
            psv = sibling("PSV");
            Object cw = m.sim.get("cw_supply");
            cwSupply = cw == null ? -1 : d.indexOrMinus(String.valueOf(cw));
            sp = m.num("sp", 152);
            phase = m.num("phase", 0);
            cp = m.num("cp", 50000);
            uaMax = m.num("ua", 21.6);
            f0 = m.num("f0", 220);
            fMax = m.num("fmax", 120);
            kp = m.num("kp", 2.0);
            ti = m.num("ti", 600);
            temp = sp;
        }

        @Override
        void step(double t, double h) {
            double c = ((t / CYCLE + phase) % 1 + 1) % 1;
            int stepNo;
            double progress;
            double qr;
            double level;
            double feed = 0;
            double out = 0;
            if (c < 1.0 / 6) {
                stepNo = 1;
                progress = c * 6;
                qr = 620;
                level = 42 + 26 * progress;
                feed = 26.0 / 100 * 12 / (CYCLE / 6 / 3600);
            } else if (c < 0.625) {
                stepNo = 2;
                progress = (c - 1.0 / 6) / (0.625 - 1.0 / 6);
                qr = 760;
                level = 68;
            } else if (c < 5.0 / 6) {
                stepNo = 3;
                progress = (c - 0.625) / (5.0 / 6 - 0.625);
                qr = 700;
                level = 68;
            } else {
                stepNo = 4;
                progress = (c - 5.0 / 6) * 6;
                qr = 640;
                level = 68 - 26 * progress;
                out = 26.0 / 100 * 12 / (CYCLE / 6 / 3600);
            }
            qr *= Math.min(4, Math.exp(0.012 * (temp - sp)));
            double tin = cwSupply >= 0 ? d.truth[cwSupply] : 28;
            cwAvail += Math.min(1, h / 120) * (cwAvailTarget - cwAvail);
            // PI on temperature: more cooling when hotter
            double e = temp - sp;
            double u = 0.5 + kp * e / 10 + integ;
            if ((u < 1 || e < 0) && (u > 0 || e > 0)) {
                integ += kp / 10 * e * h / ti;
            }
            valve = clamp(0.5 + kp * e / 10 + integ, 0, 1);
            double flow = fMax * valve * cwAvail;
            double ua = uaMax * flow / (flow + f0);
            double qc = ua * (temp - tin);
            double loss = 0.5 * (temp - 25);
            temp += (qr - qc - loss) / cp * h;
            double cwOut = tin + qc / (1.163 * flow + 0.5);
            double react = stepNo == 2 ? 0.12 * Math.sin(Math.PI * progress) : 0;
            vent += Math.min(1, h / 90) * ((venting ? 0.25 : 1) - vent);
            double p = (1.75 + 0.02 * (temp - sp) + 0.002 * (level - 55) + react) * vent;
            set(tt, temp);
            set(pt, p);
            set(lt, level);
            set(cwf, flow);
            set(cwt, cwOut);
            set(tcv, valve * 100);
            set(fi, feed);
            set(fo, out);
            set(stepTag, stepNo);
            set(agi, 52 + 0.35 * (level - 40) + (stepNo == 2 ? 6 : 0));
            set(psv, venting ? 1 : 0);
        }
    }

    /**
     * Pump or compressor with motor: flow follows the day/night load; discharge pressure falls with flow (pump
     * curve); motor current grows with flow; bearing wear (0..1.3) raises vibration, current and bearing
     * temperature. Tags: FT (primary), RUN, PT, IT, VT, BT.
     */
    static final class Rotating extends Unit {
        final int ft;
        final int run;
        final int pt;
        final int it;
        final int vt;
        final int bt;
        final double nominal;
        final double pressure;
        final double i0;
        final double ik;
        final double vib;
        final double load;
        final double phase;
        double flow;
        double bearing;
        double wear;
        double vent = 1;
        boolean venting;

        Rotating(PlantDynamics d, int primary) {
            super(d, primary);
            ft = primary;
            run = sibling("RUN");
            pt = sibling("PT");
            it = sibling("IT");
            vt = sibling("VT");
            bt = sibling("BT");
            nominal = m.num("nominal", 40);
            pressure = m.num("pressure", 1.1);
            i0 = m.num("i0", 25);
            ik = m.num("ik", 1.2);
            vib = m.num("vib", 2.2);
            load = m.num("load", 0.1);
            phase = m.num("phase", 0);
            flow = nominal;
            bearing = 25 + 20;
        }

        @Override
        void step(double t, double h) {
            boolean running = run < 0 || d.truth[run] >= 0.5;
            double target = running ? nominal * (1 + load * d.day(t) + 0.05 * Math.sin(2 * Math.PI * t / 900 + phase))
                    : 0;
            flow += Math.min(1, h / 8) * (target - flow);
            double r = flow / nominal;
            vent += Math.min(1, h / 90) * ((venting ? 0.3 : 1) - vent);
            double bTarget = 25 + 3 * d.day(t) + (running ? 20 * r + 30 * wear : 0);
            bearing += Math.min(1, h / 300) * (bTarget - bearing);
            set(ft, flow);
            set(pt, running ? pressure * (1.12 - 0.12 * r * r) * vent : 0.05 * pressure);
            set(it, running ? (i0 + ik * flow) * (1 + 0.15 * wear) : 0);
            set(vt, running ? vib * (1 + 3 * wear * wear) + 0.2 * (r - 1) : 0.1);
            set(bt, bearing);
        }
    }

    static String areaOf(PlantDynamics d, String equipmentOrTag) {
        for (TagDef t : d.tags) {
            if (t.id().equals(equipmentOrTag) || t.id().startsWith(equipmentOrTag + ".")) {
                return t.area();
            }
        }
        return "";
    }
}
