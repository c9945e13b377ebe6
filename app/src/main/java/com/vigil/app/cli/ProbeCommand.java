package com.vigil.app.cli;

import com.vigil.app.runtime.DataDirs;
import com.vigil.model.ConnectionState;
import com.vigil.opcua.AcquisitionException;
import com.vigil.opcua.Connector;
import com.vigil.opcua.Identity;
import com.vigil.opcua.Nodes;
import com.vigil.opcua.OpcUaSource;
import com.vigil.opcua.SecurityConfig;
import com.vigil.opcua.SourceConfig;
import com.vigil.opcua.browse.BrowseEntry;
import com.vigil.opcua.browse.Browser;
import com.vigil.opcua.browse.VariableInfo;
import com.vigil.opcua.events.ConditionEvent;
import com.vigil.opcua.pki.CertificateInfo;
import com.vigil.opcua.pki.ClientPki;
import com.vigil.opcua.pki.TrustStore;
import com.vigil.opcua.write.ValueWriter;
import com.vigil.opcua.write.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil probe}: commissioning tool for one OPC UA server. Without a sub-action it lists the
 * server's endpoints (and with {@code --trust} trusts the certificate it sees).
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Commission an OPC UA server: list endpoints, trust its certificate, browse, read, watch,",
            "follow Alarms & Conditions events, write. Without a sub-action: list the endpoints."},
        subcommands = {ProbeCommand.Browse.class, ProbeCommand.Read.class, ProbeCommand.Watch.class,
            ProbeCommand.Events.class, ProbeCommand.Write.class, ProbeCommand.Certs.class})
public final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", description = "Server endpoint URL, e.g. opc.tcp://host:4840/path.")
    String endpoint;

    @Option(names = "--security", description = "none, sign or encrypt (default ${DEFAULT-VALUE}).")
    String security = "none";

    @Option(names = "--policy", description = "Basic256Sha256, Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss (default: the strongest offered).")
    String policy;

    @Option(names = "--user", description = "User name (default: anonymous).")
    String user;

    @Option(names = "--password", description = "Password for --user.")
    String password;

    @Option(names = "--trust", description = "Trust the server certificate this probe sees (check its thumbprint!).")
    boolean trust;

    @Option(names = "--pki", description = "Vigil's PKI folder (default: <data dir>/pki).")
    Path pkiDir;

    @Option(names = "--data-dir", description = "Vigil's data directory (default: VIGIL_DATA_DIR or the user data directory).")
    Path dataDir;

    @Option(names = "--as", paramLabel = "USER", description = "Your Vigil account, for the protected actions (write, "
            + "trusting or rejecting a certificate): the password is asked, the role checked and the action recorded "
            + "in the audit trail.")
    String as;

    @Option(names = "--db", paramLabel = "FILE", description = "The Vigil database with the accounts and the audit trail "
            + "(default: vigil.db in the data directory, or the demo console's vigil-demo.db when there is no vigil.db).")
    Path db;

    @Option(names = "--comment", description = "Reason recorded in the audit trail with a protected action.")
    String comment;

    /** Where the --as password comes from (tests replace it). */
    PasswordReader passwords = PasswordReader.SYSTEM;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    String endpoint() {
        if (endpoint == null || endpoint.isBlank()) {
            throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                    "give the server with --endpoint opc.tcp://host:port/path");
        }
        return endpoint;
    }

    SecurityConfig securityConfig() {
        return SecurityConfig.of(SecurityConfig.Mode.parse(security), policy);
    }

    Identity identity() {
        return user == null ? Identity.ANONYMOUS : Identity.user(user, password);
    }

    ClientPki pki() {
        Path dir = pkiDir != null ? pkiDir : DataDirs.resolve(dataDir).resolve("pki");
        return ClientPki.open(dir);
    }

    /** Signs in with --as for {@code what}, or throws (exit 2) with what to give. */
    SignIn signIn(String what) {
        try {
            return SignIn.as(as, db, dataDir, passwords, what);
        } catch (SignIn.Failure e) {
            throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION, e.getMessage());
        }
    }

    /** With --trust: trusts the certificate of the endpoint that matches the options. */
    void trustIfAsked(ClientPki pki) {
        if (!trust) {
            return;
        }
        List<EndpointDescription> eps = Connector.discover(endpoint());
        SecurityConfig sec = securityConfig();
        Optional<X509Certificate> cert;
        if (sec.mode() == SecurityConfig.Mode.NONE) {
            cert = eps.stream().map(Connector::serverCertificate).flatMap(Optional::stream).findFirst();
        } else {
            cert = Connector.serverCertificate(Connector.select(endpoint, eps, sec, identity()));
        }
        if (cert.isEmpty()) {
            out().println("the server announces no certificate; nothing to trust");
            return;
        }
        try (SignIn u = signIn("trusting a server certificate")) {
            CertificateInfo info = u.actions().trust(u.session(), pki.trustStore(), cert.get(), comment);
            out().println("TRUSTED " + describe(info));
        }
    }

    static String describe(CertificateInfo c) {
        return c.thumbprint() + " " + c.subject() + " valid " + c.notBefore() + " .. " + c.notAfter()
                + (c.applicationUri().isEmpty() ? "" : " " + c.applicationUri());
    }

    OpcUaClient connect() {
        SecurityConfig sec = securityConfig();
        ClientPki pki = sec.mode() == SecurityConfig.Mode.NONE && !trust ? null : pki();
        if (pki != null) {
            trustIfAsked(pki);
        }
        return Connector.connect(endpoint(), sec, identity(), pki, 2000);
    }

    /** Runs an action with clear errors: exit code 2 and the message for anything the engineer must fix. */
    int guarded(Callable<Integer> action) {
        try {
            return action.call();
        } catch (AcquisitionException e) {
            err().println("vigil probe: " + e.getMessage());
            return 2;
        } catch (com.vigil.accounts.AccessDeniedException e) {
            err().println("vigil probe: refused: " + e.getMessage() + " (recorded in the audit trail)");
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            err().println("vigil probe: " + e);
            return 2;
        }
    }

    @Override
    public Integer call() {
        return guarded(() -> {
            SecurityConfig.Mode.parse(security);
            if (trust) {
                trustIfAsked(pki());
            }
            for (Connector.EndpointInfo e : Connector.describe(Connector.discover(endpoint()))) {
                String tp = e.serverCertificate() == null ? "-" : TrustStore.thumbprint(e.serverCertificate());
                out().println("ENDPOINT " + e.policy() + " " + e.mode() + " tokens=" + String.join("|", e.userTokens())
                        + " level=" + e.securityLevel() + " cert=" + tp + " " + e.url());
            }
            return 0;
        });
    }

    static void close(OpcUaClient c) {
        try {
            c.disconnectAsync().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // leaving anyway
        }
    }

    static String csv(Object o) {
        String s = o == null ? "" : o.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String value(DataValue dv) {
        Object v = dv.getValue() == null ? null : dv.getValue().getValue();
        if (v != null && v.getClass().isArray()) {
            return java.util.Arrays.deepToString(new Object[] {v}).replaceAll("^\\[|\\]$", "");
        }
        return v == null ? "" : v.toString();
    }

    static String status(StatusCode sc) {
        return AcquisitionException.statusName(sc == null ? 0 : sc.getValue());
    }

    /** {@code browse [NODE]}: the children of NODE (default: the Objects folder), one level. */
    @Command(name = "browse", mixinStandardHelpOptions = true, description = "List the children of a node (default: Objects).")
    static final class Browse implements Callable<Integer> {
        @ParentCommand
        ProbeCommand probe;

        @Parameters(arity = "0..1", description = "Node id, e.g. ns=2;s=Plant or i=85.")
        String node;

        @Option(names = "--info", description = "Also print data type, unit and EU range of each variable.")
        boolean info;

        @Override
        public Integer call() {
            return probe.guarded(() -> {
                OpcUaClient c = probe.connect();
                try {
                    Browser b = new Browser(c);
                    for (BrowseEntry e : b.browse(node)) {
                        String line = e.nodeClass() + " " + e.nodeId() + " " + e.browseName() + " \"" + e.displayName() + "\"";
                        if (info && e.isVariable()) {
                            VariableInfo v = b.variable(e.nodeId());
                            line += " type=" + v.dataType() + " unit=" + v.unit() + " range=" + v.engLow() + ".." + v.engHigh()
                                    + (v.writable() ? " writable" : "");
                        }
                        probe.out().println(line);
                    }
                    return 0;
                } finally {
                    close(c);
                }
            });
        }
    }

    /** {@code read NODE...}: {@code node,value,status,sourceTime} per node. */
    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read values: prints node,value,status,sourceTime.")
    static final class Read implements Callable<Integer> {
        @ParentCommand
        ProbeCommand probe;

        @Parameters(arity = "1..*", description = "Node ids.")
        List<String> nodes;

        @Override
        public Integer call() {
            return probe.guarded(() -> {
                OpcUaClient c = probe.connect();
                try {
                    List<NodeId> ids = new ArrayList<>();
                    for (String n : nodes) {
                        ids.add(Nodes.resolve(c, n));
                    }
                    List<DataValue> values = c.readValues(0, TimestampsToReturn.Both, ids);
                    int rc = 0;
                    for (int i = 0; i < ids.size(); i++) {
                        DataValue dv = values.get(i);
                        probe.out().println(csv(nodes.get(i)) + "," + csv(value(dv)) + "," + status(dv.getStatusCode()) + ","
                                + (dv.getSourceTime() == null || dv.getSourceTime().isNull() ? "" : dv.getSourceTime().getJavaInstant()));
                        if (dv.getStatusCode() != null && dv.getStatusCode().getValue() == 0x80340000L) {
                            probe.err().println("vigil probe: node " + nodes.get(i)
                                    + " does not exist on the server; browse to find the right node id");
                            rc = 2;
                        }
                    }
                    return rc;
                } finally {
                    close(c);
                }
            });
        }
    }

    /** {@code watch NODE... --seconds N}: {@code time,node,value,status} as values arrive. */
    @Command(name = "watch", mixinStandardHelpOptions = true, description = "Subscribe and print time,node,value,status as values arrive.")
    static final class Watch implements Callable<Integer> {
        @ParentCommand
        ProbeCommand probe;

        @Parameters(arity = "1..*", description = "Node ids.")
        List<String> nodes;

        @Option(names = "--seconds", description = "How long to watch (default ${DEFAULT-VALUE}).")
        double seconds = 10;

        @Option(names = "--sampling", description = "Sampling interval in ms (default ${DEFAULT-VALUE}).")
        double sampling = 250;

        @Override
        public Integer call() {
            return probe.guarded(() -> {
                OpcUaClient c = probe.connect();
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                try {
                    OpcUaSubscription sub = new OpcUaSubscription(c, sampling);
                    List<OpcUaMonitoredItem> items = new ArrayList<>();
                    for (String n : nodes) {
                        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(Nodes.resolve(c, n));
                        item.setSamplingInterval(sampling);
                        item.setQueueSize(UInteger.valueOf(10));
                        item.setUserObject(n);
                        items.add(item);
                    }
                    sub.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
                        @Override
                        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> its, List<DataValue> values) {
                            for (int i = 0; i < its.size(); i++) { // only enqueue on Milo's thread
                                DataValue dv = values.get(i);
                                Instant t = dv.getSourceTime() != null && !dv.getSourceTime().isNull()
                                        ? dv.getSourceTime().getJavaInstant() : Instant.now();
                                lines.add(t + "," + csv(its.get(i).getUserObject().orElse("")) + "," + csv(value(dv)) + ","
                                        + status(dv.getStatusCode()));
                            }
                        }
                    });
                    sub.create();
                    sub.addMonitoredItems(items);
                    try {
                        sub.synchronizeMonitoredItems();
                    } catch (Exception e) {
                        // reported per item below
                    }
                    int rc = 0;
                    for (OpcUaMonitoredItem item : items) {
                        StatusCode sc = item.getCreateResult().orElse(StatusCode.GOOD);
                        if (sc.isBad()) {
                            probe.err().println("vigil probe: cannot watch " + item.getUserObject().orElse("") + ": " + status(sc)
                                    + (sc.getValue() == 0x80340000L ? " (unknown node; browse to find the right node id)" : ""));
                            rc = 2;
                        }
                    }
                    pump(probe.out(), lines, seconds);
                    return rc;
                } finally {
                    close(c);
                }
            });
        }
    }

    static void pump(PrintWriter out, BlockingQueue<String> lines, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            String l = lines.poll(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS);
            if (l != null) {
                out.println(l);
                out.flush();
            }
        }
        String l;
        while ((l = lines.poll()) != null) {
            out.println(l);
        }
        out.flush();
    }

    /** {@code events --seconds N [--ack]}: one line per condition event. */
    @Command(name = "events", mixinStandardHelpOptions = true,
            description = {"Follow Alarms & Conditions events (after a ConditionRefresh):",
                "time,conditionId,source,severity,active,acked,message per event;",
                "with --ack acknowledge each active unacknowledged condition and print ACK <conditionId> <status>."})
    static final class Events implements Callable<Integer> {
        @ParentCommand
        ProbeCommand probe;

        @Option(names = "--seconds", description = "How long to follow (default ${DEFAULT-VALUE}).")
        double seconds = 10;

        @Option(names = "--ack", description = "Acknowledge active unacknowledged conditions on the server.")
        boolean ack;

        @Option(names = "--comment", description = "Comment for --ack (default ${DEFAULT-VALUE}).")
        String comment = "acknowledged by vigil probe";

        @Override
        public Integer call() {
            return probe.guarded(() -> {
                // connect once directly so that every problem is reported clearly, then follow with a source
                probe.connect().disconnect();
                SecurityConfig sec = probe.securityConfig();
                ClientPki pki = sec.mode() == SecurityConfig.Mode.NONE ? null : probe.pki();
                BlockingQueue<ConditionEvent> events = new LinkedBlockingQueue<>();
                SourceConfig cfg = new SourceConfig("probe", probe.endpoint(), sec, probe.identity(), List.of(), true, 2000);
                try (OpcUaSource source = new OpcUaSource(cfg, pki, b -> { }, null, null, events::addAll, Clock.systemUTC())) {
                    source.start();
                    long end = System.nanoTime() + (long) (seconds * 1e9);
                    Set<String> acked = new HashSet<>();
                    while (System.nanoTime() < end) {
                        if (source.state() == ConnectionState.FAILED) {
                            probe.err().println("vigil probe: " + source.stateDetail());
                            return 2;
                        }
                        ConditionEvent e = events.poll(100, TimeUnit.MILLISECONDS);
                        if (e == null || !e.isCondition()) {
                            continue;
                        }
                        probe.out().println(e.time() + "," + csv(e.conditionId()) + "," + csv(e.sourceName()) + "," + e.severity()
                                + "," + bool(e.active()) + "," + bool(e.acked()) + "," + csv(e.message()));
                        if (ack && e.needsAck() && acked.add(e.conditionId() + "/" + e.eventId())) {
                            StatusCode sc = source.acknowledge(e.conditionId(), e.eventId(), comment);
                            probe.out().println("ACK " + e.conditionId() + " " + status(sc));
                        }
                        probe.out().flush();
                    }
                    return 0;
                }
            });
        }

        static String bool(Boolean b) {
            return b == null ? "" : b.toString();
        }
    }

    /** {@code write NODE VALUE}: typed write with read-back. */
    @Command(name = "write", mixinStandardHelpOptions = true,
            description = "Write a value (converted to the node's data type) and read it back.")
    static final class Write implements Callable<Integer> {
        @ParentCommand
        ProbeCommand probe;

        @Parameters(index = "0", description = "Node id.")
        String node;

        @Parameters(index = "1", description = "Value (number, true/false or text).")
        String value;

        @Override
        public Integer call() {
            return probe.guarded(() -> {
                try (SignIn u = probe.signIn("writing to the plant")) {
                    // the role is checked (and a refusal audited) before anything reaches the server
                    u.accounts().require(u.session(), com.vigil.accounts.ProtectedAction.OPCUA_WRITE, node);
                    OpcUaClient c = probe.connect();
                    try {
                        DataValue now = c.readValues(0, TimestampsToReturn.Neither, List.of(Nodes.resolve(c, node))).get(0);
                        WriteResult r = u.actions().write(u.session(), node, value, value(now), probe.comment,
                                (n, v) -> new ValueWriter(c).write(n, v));
                        probe.out().println((r.ok() ? "OK " : "FAILED ") + r.status() + " read-back=" + r.readBack() + " " + r.message());
                        return r.ok() ? 0 : 1;
                    } finally {
                        close(c);
                    }
                }
            });
        }
    }

    /** {@code certs [--trust-thumbprint T] [--reject-thumbprint T]}: the trust list. */
    @Command(name = "certs", mixinStandardHelpOptions = true,
            description = "List trusted and rejected server certificates; trust or reject one by thumbprint.")
    static final class Certs implements Callable<Integer> {
        @ParentCommand
        ProbeCommand probe;

        @Option(names = "--trust-thumbprint", description = "Move a rejected certificate to trusted.")
        String trustThumbprint;

        @Option(names = "--reject-thumbprint", description = "Move a trusted certificate to rejected.")
        String rejectThumbprint;

        @Override
        public Integer call() {
            return probe.guarded(() -> {
                TrustStore ts = probe.pki().trustStore();
                if (trustThumbprint != null || rejectThumbprint != null) {
                    try (SignIn u = probe.signIn(trustThumbprint != null ? "trusting a certificate" : "rejecting a certificate")) {
                        if (trustThumbprint != null) {
                            probe.out().println("TRUSTED " + describe(u.actions().trust(u.session(), ts, trustThumbprint, probe.comment)));
                        }
                        if (rejectThumbprint != null) {
                            probe.out().println("REJECTED " + describe(u.actions().reject(u.session(), ts, rejectThumbprint, probe.comment)));
                        }
                    }
                }
                ts.trusted().forEach(c -> probe.out().println("trusted  " + describe(c)));
                ts.rejected().forEach(c -> probe.out().println("rejected " + describe(c)));
                return 0;
            });
        }
    }
}
