<?php // php wp-install.php DOCROOT BASE_URL: installs WordPress and prints an application password for admin
[, $docroot, $base] = $argv; $u = parse_url($base);
$_SERVER['HTTP_HOST'] = "$u[host]:$u[port]"; $_SERVER['SERVER_NAME'] = $u['host'];
$_SERVER['REQUEST_URI'] = '/'; $_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_INSTALLING', true);
require "$docroot/wp-load.php"; require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('Local Test Site', 'admin', 'admin@example.com', true, '', 'admin-pass-123');
global $wp_rewrite; $wp_rewrite->set_permalink_structure('/%postname%/'); $wp_rewrite->flush_rules(false);
update_option('timezone_string', 'UTC');
echo WP_Application_Passwords::create_new_application_password($r['user_id'], ['name' => 'tests'])[0], "\n";
