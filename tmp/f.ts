import FindMyWay from 'find-my-way';
const r = FindMyWay();
r.on('GET', '/a/:id', () => {});
r.on('GET', '/a/me', () => {});
console.log(r.findRoute('GET', '/a/:personId'), r.findRoute('GET', '/a/:id') !== null, r.findRoute('GET','/a/me')!==null, r.findRoute('GET','/a/x'));
try { r.on('GET', '/a/:other', () => {}); console.log('registered other'); } catch (e) { console.log('err', (e as Error).message); }
console.log(r.find('GET','/a/zz')?.params);
