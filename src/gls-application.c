/* gls-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gls-application.h"
#include "gls-cli.h"

struct _GlsApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GlsApplication, gls_application, GTK_TYPE_APPLICATION)

static int
run_command_line_mode (GVariantDict *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree const char **files = NULL;
  const char *lookup = NULL;
  const char *search = NULL;
  int status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_lookup (options, "validate", "b", NULL))
    status = gls_cli_validate (files ? files : (const char *[]) { NULL }, out, err);
  else if (g_variant_dict_lookup (options, "lookup", "&s", &lookup))
    status = gls_cli_lookup (lookup, files ? files[0] : NULL, out, err);
  else if (g_variant_dict_lookup (options, "search", "&s", &search))
    status = gls_cli_search (search, files ? files[0] : NULL, out, err);
  else
    return -1;

  fputs (out->str, stdout);
  fputs (err->str, stderr);
  return status;
}

static int
gls_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "glossary", PACKAGE_VERSION);
      return 0;
    }

  return run_command_line_mode (options);
}

static void
gls_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (application)));
      gtk_window_set_title (window, _("Glossary"));
      gtk_window_set_default_size (window, 1000, 700);
    }
  gtk_window_present (window);
}

static void
gls_application_class_init (GlsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = gls_application_handle_local_options;
  app_class->activate = gls_application_activate;
}

static const GOptionEntry option_entries[] = {
  { "lookup", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the term that best matches QUERY and exit"), N_("QUERY") },
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the names of the terms that match QUERY and exit"), N_("QUERY") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check glossary files and report their problems"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

static void
gls_application_init (GlsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse and search glossaries of terms."));
}

GlsApplication *
gls_application_new (void)
{
  return g_object_new (GLS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
