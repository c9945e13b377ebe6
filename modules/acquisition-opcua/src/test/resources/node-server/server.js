// A small third-party OPC UA server (node-opcua) for Vigil's interoperability test.
// usage: node server.js PORT PKI_DIR   — prints "READY <endpointUrl>" when listening.
// stdin commands: "level <number>" sets Tank.Level; "quit" stops.
const path = require("path");
const readline = require("readline");
const {
  OPCUAServer, OPCUACertificateManager, Variant, DataType, SecurityPolicy, MessageSecurityMode, nodesets,
  standardUnits, makeEUInformation,
} = require("node-opcua");

async function main() {
  const port = parseInt(process.argv[2], 10);
  const pkiDir = process.argv[3];
  const serverCertificateManager = new OPCUACertificateManager({
    automaticallyAcceptUnknownCertificate: true,
    rootFolder: path.join(pkiDir, "server-pki"),
  });
  await serverCertificateManager.initialize();
  const server = new OPCUAServer({
    port,
    hostname: "127.0.0.1",
    resourcePath: "/UA/VigilNode",
    nodeset_filename: [nodesets.standard],
    serverCertificateManager,
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt],
    allowAnonymous: true,
    userManager: { isValidUser: (u, p) => u === "operator" && p === "secret" },
    buildInfo: { productName: "VigilNodeTestServer", buildNumber: "1" },
    serverInfo: { applicationUri: "urn:vigil:node-test-server", productUri: "urn:vigil:node-test-server" },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  const ns = addressSpace.getOwnNamespace();
  addressSpace.installAlarmsAndConditionsService(); // binds ConditionRefresh, Acknowledge, Confirm, AddComment
  const tank = ns.addObject({
    browseName: "Tank",
    eventNotifier: 0x01,
    notifierOf: addressSpace.rootFolder.objects.server,
    organizedBy: addressSpace.rootFolder.objects,
  });
  const level = ns.addAnalogDataItem({
    componentOf: tank,
    browseName: "Level",
    nodeId: "s=Tank.Level",
    dataType: "Double",
    engineeringUnitsRange: { low: 0, high: 100 },
    engineeringUnits: makeEUInformation("MTR", "m", "metre"),
    eventSourceOf: tank,
    value: new Variant({ dataType: DataType.Double, value: 50 }),
  });
  let counter = 0;
  const counterVar = ns.addVariable({
    componentOf: tank,
    browseName: "Counter",
    nodeId: "s=Tank.Counter",
    dataType: "Double",
    minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.Double, value: counter }) },
  });
  setInterval(() => { counter += 1; }, 200);
  ns.addVariable({
    componentOf: tank,
    browseName: "Setpoint",
    nodeId: "s=Tank.Setpoint",
    dataType: "Int32",
    accessLevel: "CurrentRead | CurrentWrite",
    userAccessLevel: "CurrentRead | CurrentWrite",
    value: new Variant({ dataType: DataType.Int32, value: 0 }),
  });
  const alarmType = addressSpace.findEventType("ExclusiveLimitAlarmType");
  ns.instantiateExclusiveLimitAlarm(alarmType, {
    browseName: "LevelAlarm",
    componentOf: tank,
    conditionName: "LevelAlarm",
    conditionSource: level,
    highHighLimit: 90,
    highLimit: 80,
    lowLimit: 10,
    lowLowLimit: 5,
    inputNode: level,
    optionals: ["ConfirmedState", "Confirm"],
  });
  await server.start();
  console.log("READY " + server.getEndpointUrl());
  const rl = readline.createInterface({ input: process.stdin });
  rl.on("line", async (line) => {
    const [cmd, arg] = line.trim().split(/\s+/);
    if (cmd === "level") {
      level.setValueFromSource(new Variant({ dataType: DataType.Double, value: parseFloat(arg) }));
      console.log("OK level " + arg);
    } else if (cmd === "quit") {
      await server.shutdown(100);
      process.exit(0);
    }
  });
  rl.on("close", async () => { await server.shutdown(100); process.exit(0); });
}

main().catch((err) => { console.error("FAILED " + (err && err.stack || err)); process.exit(1); });
