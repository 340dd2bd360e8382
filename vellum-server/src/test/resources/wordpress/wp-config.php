<?php
define('DB_NAME', '@DB@'); define('DB_USER', 'root'); define('DB_PASSWORD', ''); $table_prefix = 'wp_';
define('DB_HOST', '127.0.0.1:3306'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
define('WP_HOME', '@BASE@'); define('WP_SITEURL', '@BASE@');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true); define('WP_AUTO_UPDATE_CORE', false); define('WP_DEBUG', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
