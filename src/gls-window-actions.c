/* gls-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The win.* actions: what the window's buttons, menus, links and shortcuts
 * do.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gls-window-private.h"

static void
walk_history (GlsWindow *self,
              int        step)
{
  const char *id;
  GlsTerm *term;

  if ((step < 0 && self->history_position == 0) ||
      (step > 0 && self->history_position + 1 >= self->history->len))
    return;

  self->history_position += step;
  self->history_from_list = FALSE;
  id = g_ptr_array_index (self->history, self->history_position);
  term = gls_glossary_lookup (self->glossary, id);
  if (term != NULL)
    gls_window_show_term (self, term, GLS_HISTORY_NONE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  walk_history (GLS_WINDOW (widget), -1);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  walk_history (GLS_WINDOW (widget), 1);
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window: it is a hundred widgets that most sessions never show.
 */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/gls-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
show_term_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gls_window_show_term_id (GLS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_for_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GlsTerm *term = gls_glossary_lookup (self->glossary, g_variant_get_string (parameter, NULL));

  if (term == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), gls_term_get_name (term));
  gls_window_show_term (self, term, GLS_HISTORY_PUSH);
}

static void
filter_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gls_window_set_category (GLS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gls_window_clear_filters (GLS_WINDOW (widget));
}

static void
random_term_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  guint n_terms = self->glossary ? gls_glossary_get_n_terms (self->glossary) : 0;

  if (n_terms == 0)
    return;
  gls_window_show_term (self, gls_glossary_get_term (self->glossary,
                                                     g_random_int_range (0, n_terms)),
                        GLS_HISTORY_PUSH);
}

static void
copy_term_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlsTerm *term = gls_window_get_term (GLS_WINDOW (widget));
  g_autofree char *text = NULL;

  if (term == NULL)
    return;
  text = gls_term_dup_plain_text (term);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (GLS_WINDOW (widget)->banner_revealer, FALSE);
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gls_window_cancel_open (GLS_WINDOW (widget));
}

static void
on_file_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        gls_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
gls_window_choose_file (GlsWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) glossaries = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Glossary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (glossaries, _("Glossary Files"));
  gtk_file_filter_add_suffix (glossaries, "xml");
  gtk_file_filter_add_mime_type (glossaries, "application/xml");
  gtk_file_filter_add_mime_type (glossaries, "text/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), glossaries);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gls_window_choose_file (GLS_WINDOW (widget));
}

/* Enables the actions that make sense in the window's present state. */
void
gls_window_update_actions (GlsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_terms = self->glossary != NULL && gls_glossary_get_n_terms (self->glossary) > 0;

  gtk_widget_action_set_enabled (widget, "win.back", self->history_position > 0);
  gtk_widget_action_set_enabled (widget, "win.forward",
                                 self->history_position + 1 < self->history->len);
  gtk_widget_action_set_enabled (widget, "win.copy-term", gls_window_get_term (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.random-term", has_terms);
}

void
gls_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.show-term", "s", show_term_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_for_action);
  gtk_widget_class_install_action (widget_class, "win.filter-category", "s",
                                   filter_category_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.random-term", NULL, random_term_action);
  gtk_widget_class_install_action (widget_class, "win.copy-term", NULL, copy_term_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL,
                                   dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.forward", NULL);
}
