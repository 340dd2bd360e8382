module.exports = () => ({ auth: { secret: 'bench-admin-secret' }, apiToken: { salt: 'bench-api-salt' }, transfer: { token: { salt: 'bench-transfer-salt' } }, serveAdminPanel: false });
