/* gls-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gls-application.h"
#include "gls-cli.h"
#include "gls-loader.h"
#include "gls-resources.h"
#include "gls-window.h"

struct _GlsApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  GSettings      *desktop_settings;
  GPtrArray      *files_to_open;
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

  if (g_variant_dict_contains (options, "validate"))
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
  GlsApplication *self = GLS_APPLICATION (application);
  g_autofree const char **files = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("glossary %s\n", PACKAGE_VERSION);
      return 0;
    }

  status = run_command_line_mode (options);
  if (status >= 0)
    return status;

  /* Files for the window: a running instance opens them; otherwise this one
   * does, once it has started.
   */
  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) || files[0] == NULL)
    return -1;

  /* Known before registering, which starts this instance if it is the first. */
  self->files_to_open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (self->files_to_open, g_file_new_for_commandline_arg (files[i]));

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (application))
    {
      g_application_open (application, (GFile **) self->files_to_open->pdata,
                          self->files_to_open->len, "");
      g_clear_pointer (&self->files_to_open, g_ptr_array_unref);
      return 0;
    }
  return -1;
}

static GlsWindow *
new_window (GlsApplication *self)
{
  return gls_window_new (GTK_APPLICATION (self), self->settings);
}

static void
gls_application_activate (GApplication *application)
{
  GlsApplication *self = GLS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (self->files_to_open != NULL)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->files_to_open);

      g_application_open (application, (GFile **) files->pdata, files->len, "");
      return;
    }

  /* The session is restored before the window shows, so that its first frame
   * shows the glossary rather than an empty window.
   */
  if (window == NULL)
    {
      window = GTK_WINDOW (new_window (self));
      gls_window_restore_session (GLS_WINDOW (window));
    }
  gtk_window_present (window);
}

static void
gls_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GlsApplication *self = GLS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  for (int i = 0; i < n_files; i++)
    {
      if (window == NULL || i > 0)
        window = GTK_WINDOW (new_window (self));
      gls_window_open_file (GLS_WINDOW (window), files[i]);
      gtk_window_present (window);
    }
}

/* Follows the desktop's light or dark preference, where the desktop has one. */
static void
on_color_scheme_changed_cb (GlsApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->desktop_settings, "color-scheme");
  GtkSettings *settings = gtk_settings_get_default ();
  gboolean dark = g_strcmp0 (scheme, "prefer-dark") == 0;
  gboolean was_dark;

  /* Setting it reloads the theme, even to the value it has. */
  g_object_get (settings, "gtk-application-prefer-dark-theme", &was_dark, NULL);
  if (dark != was_dark)
    g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

static void
follow_color_scheme (GlsApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    return;

  self->desktop_settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_swapped (self->desktop_settings, "changed::color-scheme",
                            G_CALLBACK (on_color_scheme_changed_cb), self);
  on_color_scheme_changed_cb (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("The Glossary developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (application),
                         "program-name", _("Glossary"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Browse and search glossaries of terms"),
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         "license", _("This program is free software: you can redistribute it "
                                      "and/or modify it under the terms of the GNU General Public "
                                      "License as published by the Free Software Foundation, "
                                      "either version 3 of the License, or (at your option) any "
                                      "later version.\n\n"
                                      "The bundled Customer Experience Glossary is licensed "
                                      "under the Creative Commons Attribution-ShareAlike 4.0 "
                                      "International License (CC BY-SA 4.0)."),
                         "wrap-license", TRUE,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = gtk_application_get_windows (application);

  /* Closing each window saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

/* Whether a new window starts on the bundled glossary rather than the last file. */
static gboolean
shows_bundled_first (GlsApplication *self)
{
  g_autofree char *last_file = NULL;

  if (self->settings == NULL)
    return TRUE;
  last_file = g_settings_get_string (self->settings, "last-file");
  return *last_file == '\0';
}

static void
gls_application_startup (GApplication *application)
{
  GlsApplication *self = GLS_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the installed schema the program still runs; it just forgets. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_warning ("The settings schema %s is not installed; nothing will be remembered",
               APPLICATION_ID);

  /* A window that will show the bundled glossary finds it loaded: it loads
   * on another thread while GTK starts.
   */
  if (self->files_to_open == NULL && shows_bundled_first (self))
    gls_preload_bundled ();

  G_APPLICATION_CLASS (gls_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open",
                                         (const char *[]) { "<Control>o", NULL });

  gtk_window_set_default_icon_name (APPLICATION_ID);
  follow_color_scheme (self);
}

static void
gls_application_shutdown (GApplication *application)
{
  /* A preload no window took. */
  gls_preload_drop ();

  G_APPLICATION_CLASS (gls_application_parent_class)->shutdown (application);
}

static void
gls_application_dispose (GObject *object)
{
  GlsApplication *self = (GlsApplication *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->desktop_settings);
  g_clear_pointer (&self->files_to_open, g_ptr_array_unref);

  G_OBJECT_CLASS (gls_application_parent_class)->dispose (object);
}

static void
gls_application_class_init (GlsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gls_application_dispose;
  app_class->handle_local_options = gls_application_handle_local_options;
  app_class->startup = gls_application_startup;
  app_class->shutdown = gls_application_shutdown;
  app_class->activate = gls_application_activate;
  app_class->open = gls_application_open;
}

static const GOptionEntry option_entries[] = {
  { "lookup", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the term that best matches QUERY and exit"), N_("QUERY") },
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the names of the terms that match QUERY and exit"), N_("QUERY") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check glossary files, print their problems and exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static void
gls_application_init (GlsApplication *self)
{
  gls_register_resource ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse and search glossaries of terms. Without "
                                              "FILE, the bundled customer experience glossary "
                                              "is shown."));
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
