module.exports = ({ env }) => ({ host: '127.0.0.1', port: env.int('PORT', 18057), app: { keys: ['bench-key-a', 'bench-key-b'] } });
