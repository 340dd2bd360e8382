<?php // php -S router: real files as they are, everything else to WordPress (see ../shared/WORDPRESS.md)
$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($path !== '/' && is_file($root . $path)) return false;
if ($path !== '/' && is_dir($root . $path) && is_file(rtrim($root . $path, '/') . '/index.php')) return false;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php'; $_SERVER['SCRIPT_FILENAME'] = "$root/index.php";
require "$root/index.php";
