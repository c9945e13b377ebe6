package com.vigil.sim.dynamics;

import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;

/** What each scenario does to the plant, and which tags its ground truth watches. */
final class Effects {
    private Effects() {
    }

    /** What a running scenario does; {@code before}/{@code after} run around the units in every step. */
    abstract static class Effect {
        String target;
        String area;
        int[] affected = new int[0];

        String target() {
            return target;
        }

        String area() {
            return area;
        }

        int[] affected() {
            return affected;
        }

        double defaultDuration() {
            return Double.POSITIVE_INFINITY;
        }

        void start(PlantDynamics d, double t) {
        }

        void before(PlantDynamics d, double t, double h) {
        }

        void after(PlantDynamics d, double t, double h) {
        }

        void end(PlantDynamics d) {
        }
    }

    static void validate(PlantDynamics d, ScenarioSpec s) {
        create(d, s);
    }

    static Effect create(PlantDynamics d, ScenarioSpec s) {
        Scenarios.check(s.name());
        String target = s.target() == null ? Scenarios.defaultTarget(s.name()) : s.target();
        Effect e = switch (s.name()) {
            case "gas-leak", "toxic-leak" -> leak(d, s, target);
            case "cooling-failure" -> coolingFailure(d, s, target);
            case "bearing-wear" -> bearingWear(d, s, target);
            case "sensor-drift", "sensor-freeze", "sensor-spike" -> sensorFault(d, s, target);
            case "comm-loss" -> commLoss(s);
            case "relief-open" -> reliefOpen(d, s, target);
            default -> throw new IllegalArgumentException("scenario " + s.name() + " not implemented");
        };
        e.target = target;
        if (e.area == null) {
            e.area = Unit.areaOf(d, target);
        }
        return e;
    }

    private static int tag(PlantDynamics d, ScenarioSpec s, String target) {
        int i = d.indexOrMinus(target);
        if (i < 0) {
            throw new IllegalArgumentException("scenario " + s.name() + ": unknown tag '" + target + "'");
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    private static <U extends Unit> U unit(PlantDynamics d, ScenarioSpec s, String target, Class<U> type) {
        List<String> valid = new ArrayList<>();
        for (Unit u : d.units) {
            if (type.isInstance(u)) {
                if (target.equals(u.equipment()) || target.startsWith(u.prefix)) {
                    return (U) u;
                }
                valid.add(u.equipment());
            }
        }
        throw new IllegalArgumentException("scenario " + s.name() + ": target '" + target + "' is not one of "
                + valid);
    }

    private static int[] indices(PlantDynamics d, String prefix, String... suffixes) {
        List<Integer> out = new ArrayList<>();
        for (String sfx : suffixes) {
            int i = d.indexOrMinus(prefix + sfx);
            if (i >= 0) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A leak next to the target detector (1 m east of it, or at params x,y). The concentration front moves out
     * at {@code speed} m/s (default 0.05); at distance d the concentration approaches
     * {@code peak·exp(-d/length)} (length default 12 m), rising with the source over {@code ramp} s (default
     * 180). Detectors of the same unit (and, for toxics, the same span) see it.
     */
    private static Effect leak(PlantDynamics d, ScenarioSpec s, String target) {
        int ti = tag(d, s, target);
        TagDef td = d.tags.get(ti);
        if (d.models[ti].kind != TagModel.Kind.GAS) {
            throw new IllegalArgumentException("scenario " + s.name() + ": target must be a gas detector, '" + target
                    + "' is not");
        }
        double x = s.param("x", td.x() + 1);
        double y = s.param("y", td.y());
        double hh = td.limits().hh() != null ? td.limits().hh() : td.engHigh() / 2;
        double peak = s.param("peak", 1.5 * hh);
        double ramp = s.param("ramp", 180);
        double speed = s.param("speed", 0.05);
        double length = s.param("length", 12);
        List<Integer> dets = new ArrayList<>();
        for (int i = 0; i < d.tags.size(); i++) {
            TagDef t = d.tags.get(i);
            if (d.models[i].kind == TagModel.Kind.GAS && t.unit().equals(td.unit())
                    && ("%LEL".equals(t.unit()) || t.engHigh() == td.engHigh())) {
                dets.add(i);
            }
        }
        int[] idx = dets.stream().mapToInt(Integer::intValue).toArray();
        double[] dist = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            TagDef t = d.tags.get(idx[k]);
            dist[k] = Math.hypot(t.x() - x, t.y() - y);
        }
        Effect e = new Effect() {
            double t0;

            @Override
            void start(PlantDynamics dd, double t) {
                t0 = t;
            }

            @Override
            void before(PlantDynamics dd, double t, double h) {
                for (int k = 0; k < idx.length; k++) {
                    double tau = t - t0 - dist[k] / speed;
                    if (tau > 0) {
                        dd.gasAdd[idx[k]] += peak * (1 - Math.exp(-tau / ramp)) * Math.exp(-dist[k] / length);
                    }
                }
            }
        };
        e.affected = idx;
        e.area = td.area();
        return e;
    }

    /** Cooling water to the reactor falls to {@code residual} (default 0.08) of its flow within ~2 min. */
    private static Effect coolingFailure(PlantDynamics d, ScenarioSpec s, String target) {
        Unit.Reactor r = unit(d, s, target, Unit.Reactor.class);
        double residual = s.param("residual", 0.08);
        Effect e = new Effect() {
            @Override
            void start(PlantDynamics dd, double t) {
                r.cwAvailTarget = residual;
            }

            @Override
            void end(PlantDynamics dd) {
                r.cwAvailTarget = 1;
            }
        };
        e.affected = indices(d, r.prefix, "TT", "PT", "CWF", "CWT");
        return e;
    }

    /** Bearing wear grows as 1.3·(t/hours)² until failure (vibration HH) after {@code hours} (default 8). */
    private static Effect bearingWear(PlantDynamics d, ScenarioSpec s, String target) {
        Unit.Rotating r = unit(d, s, target, Unit.Rotating.class);
        double hours = s.param("hours", 8);
        if (hours <= 0) {
            throw new IllegalArgumentException("scenario bearing-wear: hours must be positive");
        }
        Effect e = new Effect() {
            double t0;

            @Override
            void start(PlantDynamics dd, double t) {
                t0 = t;
            }

            @Override
            void before(PlantDynamics dd, double t, double h) {
                double f = (t - t0) / (hours * 3600);
                r.wear = Math.min(1.3, 1.3 * f * f);
            }

            @Override
            void end(PlantDynamics dd) {
                r.wear = 0; // bearing replaced
            }
        };
        e.affected = indices(d, r.prefix, "VT", "IT", "BT");
        return e;
    }

    private static Effect sensorFault(PlantDynamics d, ScenarioSpec s, String target) {
        int i = tag(d, s, target);
        TagDef t = d.tags.get(i);
        if (t.kind() != TagKind.ANALOG) {
            throw new IllegalArgumentException("scenario " + s.name() + ": target must be an analog tag, '" + target
                    + "' is discrete");
        }
        double span = t.engHigh() - t.engLow();
        Effect e = switch (s.name()) {
            case "sensor-drift" -> new Effect() {
                @Override
                void start(PlantDynamics dd, double tt) {
                    dd.biasRate[i] = s.param("rate", 0.1 * span);
                }

                @Override
                void end(PlantDynamics dd) {
                    dd.biasRate[i] = 0;
                    dd.bias[i] = 0;
                }
            };
            case "sensor-freeze" -> new Effect() {
                @Override
                void start(PlantDynamics dd, double tt) {
                    dd.frozen[i] = true;
                }

                @Override
                void end(PlantDynamics dd) {
                    dd.frozen[i] = false;
                }
            };
            default -> new Effect() {
                @Override
                double defaultDuration() {
                    return s.param("seconds", 5);
                }

                @Override
                void start(PlantDynamics dd, double tt) {
                    dd.spike[i] = s.param("size", 0.4 * span);
                }

                @Override
                void end(PlantDynamics dd) {
                    dd.spike[i] = 0;
                }
            };
        };
        e.affected = new int[] {i};
        return e;
    }

    private static Effect commLoss(ScenarioSpec s) {
        double duration = s.param("duration", 60);
        Effect e = new Effect() {
            @Override
            double defaultDuration() {
                return duration;
            }

            @Override
            void start(PlantDynamics dd, double t) {
                dd.commLoss(t + duration);
            }
        };
        e.area = "";
        return e;
    }

    /** The relief valve of a reactor (or the pressure of any pump/compressor, or any pressure tag) opens. */
    private static Effect reliefOpen(PlantDynamics d, ScenarioSpec s, String target) {
        for (Unit u : d.units) {
            if (target.equals(u.equipment()) || target.startsWith(u.prefix)) {
                if (u instanceof Unit.Reactor r) {
                    Effect e = new Effect() {
                        @Override
                        void start(PlantDynamics dd, double t) {
                            r.venting = true;
                        }

                        @Override
                        void end(PlantDynamics dd) {
                            r.venting = false;
                        }
                    };
                    e.affected = indices(d, r.prefix, "PT", "PSV");
                    return e;
                }
                if (u instanceof Unit.Rotating r) {
                    Effect e = new Effect() {
                        @Override
                        void start(PlantDynamics dd, double t) {
                            r.venting = true;
                        }

                        @Override
                        void end(PlantDynamics dd) {
                            r.venting = false;
                        }
                    };
                    e.affected = indices(d, r.prefix, "PT", "PSV");
                    return e;
                }
            }
        }
        int i = tag(d, s, target);
        int psv = d.indexOrMinus(target.substring(0, target.lastIndexOf('.') + 1) + "PSV");
        Effect e = new Effect() {
            double f = 1;

            @Override
            void after(PlantDynamics dd, double t, double h) {
                f += Math.min(1, h / 90) * (0.3 - f);
                dd.scale[i] = f;
                if (psv >= 0) {
                    dd.truth[psv] = 1;
                }
            }

            @Override
            void end(PlantDynamics dd) {
                dd.scale[i] = 1;
            }
        };
        e.affected = psv >= 0 ? new int[] {i, psv} : new int[] {i};
        return e;
    }
}
