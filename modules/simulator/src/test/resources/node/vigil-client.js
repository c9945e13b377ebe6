// A third-party OPC UA client (node-opcua, not Milo) used by NodeOpcUaClientIT:
// connects with the given security mode/policy and identity, browses the demo plant, reads a variable with its
// EURange and EngineeringUnits, subscribes to another for a few seconds and prints one JSON line.
// usage: node vigil-client.js URL MODE POLICY USER|- PASSWORD|- PKI_DIR READ_TAG SUBSCRIBE_TAG
const {
  OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, TimestampsToReturn, ClientSubscription,
  ClientMonitoredItem, UserTokenType, BrowseDirection,
} = require("node-opcua-client");
const { OPCUACertificateManager } = require("node-opcua-certificate-manager");

async function main() {
  const [url, mode, policy, user, password, pkiDir, readTag, subTag] = process.argv.slice(2);
  const certificateManager = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: true });
  const client = OPCUAClient.create({
    applicationName: "VigilNodeOpcUaTest",
    applicationUri: "urn:vigil:node-opcua-test",
    securityMode: MessageSecurityMode[mode],
    securityPolicy: SecurityPolicy[policy],
    endpointMustExist: false,
    clientCertificateManager: certificateManager,
    connectionStrategy: { maxRetry: 1, initialDelay: 500, maxDelay: 1000 },
  });
  const out = { mode, policy };
  await client.connect(url);
  const identity = user === "-" ? { type: UserTokenType.Anonymous }
    : { type: UserTokenType.UserName, userName: user, password };
  const session = await client.createSession(identity);
  out.channelMode = MessageSecurityMode[client._secureChannel ? client._secureChannel.securityMode : 0];

  // browse Objects -> VigilDemoPlant -> areas -> equipment
  const objects = await session.browse("ns=0;i=85");
  const plant = objects.references.find((r) => r.browseName.name === "VigilDemoPlant");
  out.plantFound = !!plant;
  const areas = await session.browse(plant.nodeId.toString());
  out.areas = areas.references.map((r) => r.browseName.name);
  const rx = areas.references.find((r) => r.browseName.name === "RX");
  const rxChildren = await session.browse(rx.nodeId.toString());
  out.rxChildren = rxChildren.references.map((r) => r.browseName.name);
  const r201 = rxChildren.references.find((r) => r.browseName.name === "R201");
  const r201Children = await session.browse(r201.nodeId.toString());
  out.r201Tags = r201Children.references.map((r) => r.browseName.name);

  // read value, data type and the AnalogItem properties
  const nodeId = "ns=2;s=" + readTag;
  const dv = await session.read({ nodeId, attributeId: AttributeIds.Value }, 0);
  out.value = dv.value.value;
  out.status = dv.statusCode.name;
  out.sourceTimestamp = dv.sourceTimestamp ? dv.sourceTimestamp.toISOString() : null;
  out.serverTimestamp = dv.serverTimestamp ? dv.serverTimestamp.toISOString() : null;
  const dt = await session.read({ nodeId, attributeId: AttributeIds.DataType });
  out.dataType = dt.value.value.toString();
  const props = await session.browse({ nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: "HasProperty",
    includeSubtypes: true, resultMask: 63 });
  for (const p of props.references) {
    const v = await session.read({ nodeId: p.nodeId, attributeId: AttributeIds.Value });
    if (p.browseName.name === "EURange") {
      out.euRange = [v.value.value.low, v.value.value.high];
    } else if (p.browseName.name === "EngineeringUnits") {
      out.unit = v.value.value.displayName.text;
    }
  }

  // subscribe
  const subscription = ClientSubscription.create(session, {
    requestedPublishingInterval: 200, requestedLifetimeCount: 100, requestedMaxKeepAliveCount: 10,
    maxNotificationsPerPublish: 100, publishingEnabled: true, priority: 10,
  });
  const item = ClientMonitoredItem.create(subscription, { nodeId: "ns=2;s=" + subTag, attributeId: AttributeIds.Value },
    { samplingInterval: 100, discardOldest: true, queueSize: 10 }, TimestampsToReturn.Both);
  out.notifications = [];
  item.on("changed", (v) => out.notifications.push([v.value.value, v.statusCode.name]));
  // at least 3 s of changes; on a busy machine wait on (up to 30 s) until two have come
  const t0 = Date.now();
  while (Date.now() - t0 < 3000 || (out.notifications.length < 2 && Date.now() - t0 < 30000)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await subscription.terminate();
  await session.close();
  await client.disconnect();
  console.log("RESULT " + JSON.stringify(out));
}

main().then(() => process.exit(0)).catch((e) => {
  console.log("ERROR " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
