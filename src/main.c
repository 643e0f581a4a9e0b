/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gls-application.h"
#include "gls-loader.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlsApplication) application = NULL;
  const char *localedir = g_getenv ("GLOSSARY_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* An uninstalled build finds its translations through GLOSSARY_LOCALEDIR. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gls_loader_init ();

  application = gls_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
