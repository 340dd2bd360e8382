module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const svc = strapi.service('admin::api-token');
    const token = await svc.create({ name: 'bench-' + Date.now(), type: 'full-access', lifespan: null, description: 'benchmark' });
    require('fs').writeFileSync(process.env.TOKEN_FILE, token.accessKey);
  },
};
