import { startServer } from '../test/support/server.ts';
const s = await startServer();
for (const [m,p] of [['GET','/v1/people/me'],['GET','/v1/people/abc'],['POST','/v1/telephony/calls/push'],['GET','/v1/telephony/config/premisePstn/trunks/trunkTypes'],['GET','/v1/workspaces'],['POST','/v1/telephony/calls/answr'], ['GET', '/v1/telephony/calls/'], ['GET','/v1/nothing']]) {
  const r = await s.admin.request(m, p, {});
  console.log(m, p, r.status, r.text.slice(0, 160));
}
await s.close();
