/* gls-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the letter index, the search entry, the category filter
 * and the results list on the left, the detail pane on the right.  The list
 * shows a GlsResultList, which filters and ranks the glossary's terms
 * without ever sorting them again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gls-loader.h"
#include "gls-row-model.h"
#include "gls-term-row.h"
#include "gls-window-private.h"

#define PROGRESS_DELAY_MS 200
#define MIN_WIDTH         640
#define MIN_HEIGHT        420
#define MAX_SIZE          16384

G_DEFINE_FINAL_TYPE (GlsWindow, gls_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_GLOSSARY,
  PROP_TERM,
  PROP_SHOW_SIDEBAR,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GFile       *file;
  char        *display_name;
  GPtrArray   *diagnostics;
  GlsWindow   *window;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->display_name, g_free);
  g_clear_pointer (&job->diagnostics, g_ptr_array_unref);
  g_free (job);
}

static gboolean
filters_active (GlsWindow *self)
{
  return *gls_result_list_get_query (self->results) != '\0' ||
         gls_result_list_get_category (self->results) != NULL ||
         gls_result_list_get_letter (self->results) != 0;
}

static void
update_count (GlsWindow *self)
{
  guint n_terms = self->glossary ? gls_glossary_get_n_terms (self->glossary) : 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autofree char *text = NULL;

  if (filters_active (self))
    /* Translators: "12 of 205 terms" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u term", "%u of %u terms",
                                         n_terms), n_items, n_terms);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u term", "%u terms", n_terms),
                            n_terms);
  gtk_label_set_text (self->count_label, text);
}

static void
update_empty_state (GlsWindow *self)
{
  const char *query = gls_result_list_get_query (self->results);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0 || self->glossary == NULL)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "list");
      return;
    }

  if (*query != '\0')
    title = g_strdup_printf (_("No terms match “%s”"), query);
  else if (gls_glossary_get_n_terms (self->glossary) == 0)
    title = g_strdup (_("This glossary has no terms"));
  else
    title = g_strdup (_("No terms match the filters"));
  gtk_label_set_text (self->empty_title_label, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))) != NULL)
    gtk_box_remove (self->suggestions_box, child);
  suggestions = gls_result_list_dup_suggestions (self->results);
  for (guint i = 0; i < suggestions->len; i++)
    {
      GlsTerm *term = g_ptr_array_index (suggestions, i);
      g_autofree char *label = g_strdup_printf (_("Did you mean %s?"), gls_term_get_name (term));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.search-for");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", gls_term_get_id (term));
      gtk_box_append (self->suggestions_box, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clear_filters_button), filters_active (self));
  gtk_stack_set_visible_child_name (self->results_stack, "empty");
}

/* The smallest height a row of the list can have, in pixels: two lines of
 * text of the smallest readable font, and the row's padding.
 */
#define MIN_ROW_HEIGHT 32

/*
 * Returns: how many rows the list can show at most: enough to fill the
 * window at its size or the tallest monitor, whichever is taller.
 *
 * Until the window's first frame is painted the list holds only these.
 * GTK 4.8's list view makes some 200 row widgets whatever its height; the
 * window shows sooner without the ones out of sight, which follow right after.
 */
static guint
rows_in_sight (GlsWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return height / MIN_ROW_HEIGHT + 2;
}

/* Selects the term shown when the list holds it, and nothing otherwise. */
static void
select_shown_term (GlsWindow *self,
                   gboolean   scroll)
{
  GlsTerm *term = gls_term_view_get_term (self->term_view);
  guint position = term ? gls_result_list_find (self->results, term) : G_MAXUINT;

  /* The first frame's rows reach the term's, and a listful past it. */
  if (self->first_frame_rows != NULL && position != G_MAXUINT &&
      position >= gtk_slice_list_model_get_size (self->first_frame_rows))
    gtk_slice_list_model_set_size (self->first_frame_rows, position + rows_in_sight (self));

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->updating = FALSE;

  if (scroll && position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
}

static void
on_results_updated_cb (GlsWindow     *self,
                       GlsResultList *results)
{
  select_shown_term (self, FALSE);
  update_count (self);
  update_empty_state (self);
}

static void
on_selection_notify_selected_cb (GlsWindow          *self,
                                 GParamSpec         *pspec,
                                 GtkSingleSelection *selection)
{
  GlsRowItem *item;
  GlsTerm *term;

  if (self->updating)
    return;
  item = gtk_single_selection_get_selected_item (selection);
  term = item != NULL ? gls_row_item_get_term (item) : NULL;
  if (term != NULL)
    gls_window_show_term (self, term, GLS_HISTORY_BROWSE);
}

static void
on_list_view_activate_cb (GlsWindow   *self,
                          guint        position,
                          GtkListView *list_view)
{
  g_autoptr(GlsTerm) term = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (term != NULL)
    gls_window_show_term (self, term, GLS_HISTORY_BROWSE);
}

/* The main menu's popover is made when the menu first opens: the window
 * shows sooner without it.
 */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  GlsWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     GlsWindow                *self)
{
  gtk_list_item_set_child (list_item, g_object_new (GLS_TYPE_TERM_ROW, NULL));
}

/* A row's item stays at its place in the list; a new search changes its term. */
static void
show_row_item (GlsTermRow *row,
               GlsRowItem *item)
{
  gls_term_row_show (row, gls_row_item_get_term (item), gls_row_item_get_query (item));
}

static void
on_row_item_notify_term_cb (GlsTermRow *row,
                            GParamSpec *pspec,
                            GlsRowItem *item)
{
  show_row_item (row, item);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    GlsWindow                *self)
{
  GlsTermRow *row = GLS_TERM_ROW (gtk_list_item_get_child (list_item));
  GlsRowItem *item = gtk_list_item_get_item (list_item);

  show_row_item (row, item);
  g_signal_connect_object (item, "notify::term", G_CALLBACK (on_row_item_notify_term_cb), row,
                           G_CONNECT_SWAPPED);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      GlsWindow                *self)
{
  GlsTermRow *row = GLS_TERM_ROW (gtk_list_item_get_child (list_item));

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item),
                                        on_row_item_notify_term_cb, row);
  gls_term_row_set_term (row, NULL);
}

static gboolean
move_cursor_to_end (gpointer data)
{
  gtk_editable_set_position (GTK_EDITABLE (data), -1);
  return G_SOURCE_REMOVE;
}

static void
on_search_entry_search_changed_cb (GlsWindow      *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A new search looks through every letter. */
  if (*text != '\0')
    gls_letter_sidebar_set_letter (self->letter_sidebar, 0);

  /* Typed elsewhere in the window, the search takes the keys that follow
   * too: Down into the list, Enter for the top result.
   */
  if (*text != '\0' && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (entry))))
    {
      gtk_text_grab_focus_without_selecting (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (entry))));
      /* Text set by the program has the cursor put at its start after this
       * signal: what is typed next goes at the end.
       */
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, move_cursor_to_end, g_object_ref (entry),
                       g_object_unref);
    }
  gls_result_list_set_query (self->results, text);
}

static void
on_search_entry_activate_cb (GlsWindow      *self,
                             GtkSearchEntry *entry)
{
  g_autoptr(GlsTerm) term = g_list_model_get_item (G_LIST_MODEL (self->results), 0);

  if (term != NULL)
    gls_window_show_term (self, term, GLS_HISTORY_PUSH);
}

static void
on_search_entry_stop_search_cb (GlsWindow      *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static gboolean
on_search_key_pressed_cb (GlsWindow             *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return FALSE;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

static void
on_letter_sidebar_notify_letter_cb (GlsWindow        *self,
                                    GParamSpec       *pspec,
                                    GlsLetterSidebar *sidebar)
{
  gls_result_list_set_letter (self->results, gls_letter_sidebar_get_letter (sidebar));
}

static void
on_category_dropdown_notify_selected_cb (GlsWindow   *self,
                                         GParamSpec  *pspec,
                                         GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *category_id = NULL;

  if (self->updating)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->category_ids != NULL &&
      selected - 1 < g_strv_length (self->category_ids))
    category_id = self->category_ids[selected - 1];
  gls_result_list_set_category (self->results, category_id);
}

static void
on_back_button_pressed_cb (GlsWindow       *self,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* The mouse's back and forward buttons. */
  if (button == 8)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
  else if (button == 9)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.forward", NULL);
  else
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_drop_target_drop_cb (GlsWindow     *self,
                        const GValue  *value,
                        double         x,
                        double         y,
                        GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  gls_window_open_file (self, files->data);
  return TRUE;
}

static void
rebuild_categories (GlsWindow *self)
{
  GListModel *categories = self->glossary ? gls_glossary_get_categories (self->glossary) : NULL;
  guint n_categories = categories ? g_list_model_get_n_items (categories) : 0;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *all = g_strdup (_("All Categories"));

  gtk_string_list_append (labels, all);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(GlsCategory) category = g_list_model_get_item (categories, i);
      /* Translators: a category and its number of terms, as in "Metrics (30)" */
      g_autofree char *label = g_strdup_printf (_("%s (%u)"), gls_category_get_label (category),
                                                gls_category_get_n_terms (category));

      gtk_string_list_append (labels, label);
      g_strv_builder_add (ids, gls_category_get_id (category));
    }

  g_strfreev (self->category_ids);
  self->category_ids = g_strv_builder_end (ids);
  g_set_object (&self->category_labels, labels);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_dropdown), n_categories > 0);
}

static void
update_title (GlsWindow *self)
{
  guint n_terms = self->glossary ? gls_glossary_get_n_terms (self->glossary) : 0;
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u term",
                                                            "%u terms", n_terms), n_terms);
  const char *title = self->glossary ? gls_glossary_get_title (self->glossary) : _("Glossary");

  gtk_label_set_text (self->title_label, title ? title : _("Glossary"));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), self->glossary != NULL);
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Glossary"));
}

/* Returns: (nullable) (transfer none): the glossary shown */
GlsGlossary *
gls_window_get_glossary (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->glossary;
}

/* Shows @glossary at once, with fresh filters and history. */
void
gls_window_set_glossary (GlsWindow   *self,
                         GlsGlossary *glossary)
{
  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (glossary == NULL || GLS_IS_GLOSSARY (glossary));

  if (!g_set_object (&self->glossary, glossary))
    return;

  g_ptr_array_set_size (self->history, 0);
  self->history_position = 0;
  self->history_from_list = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gls_letter_sidebar_set_letter (self->letter_sidebar, 0);
  gls_letter_sidebar_set_glossary (self->letter_sidebar, glossary);
  gls_term_view_set_glossary (self->term_view, glossary);
  rebuild_categories (self);
  if (self->first_frame_rows != NULL)
    gtk_slice_list_model_set_size (self->first_frame_rows, rows_in_sight (self));
  gls_result_list_set_category (self->results, NULL);
  gls_result_list_set_glossary (self->results, glossary);
  update_title (self);
  gls_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GLOSSARY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

/* Returns: (nullable) (transfer none): the term in the detail pane */
GlsTerm *
gls_window_get_term (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return gls_term_view_get_term (self->term_view);
}

void
gls_window_show_term (GlsWindow      *self,
                      GlsTerm        *term,
                      GlsHistoryMode  mode)
{
  const char *id = gls_term_get_id (term);
  gboolean same = gls_term_view_get_term (self->term_view) == term;

  switch (mode)
    {
    case GLS_HISTORY_BROWSE:
      if (self->history_from_list && self->history->len > 0)
        {
          g_ptr_array_set_size (self->history, self->history_position + 1);
          g_free (g_ptr_array_index (self->history, self->history_position));
          g_ptr_array_index (self->history, self->history_position) = g_strdup (id);
          break;
        }
      G_GNUC_FALLTHROUGH;

    case GLS_HISTORY_PUSH:
      if (self->history->len > 0)
        g_ptr_array_set_size (self->history, self->history_position + 1);
      if (self->history->len == 0 ||
          g_strcmp0 (g_ptr_array_index (self->history, self->history_position), id) != 0)
        g_ptr_array_add (self->history, g_strdup (id));
      self->history_position = self->history->len - 1;
      self->history_from_list = mode == GLS_HISTORY_BROWSE;
      break;

    case GLS_HISTORY_NONE:
    default:
      break;
    }

  gls_term_view_set_term (self->term_view, term);
  select_shown_term (self, mode != GLS_HISTORY_BROWSE);
  gls_window_update_actions (self);
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

/* Shows the term with @term_id, as a followed link would. */
gboolean
gls_window_show_term_id (GlsWindow  *self,
                         const char *term_id)
{
  GlsTerm *term;

  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (term_id != NULL, FALSE);

  term = self->glossary ? gls_glossary_lookup (self->glossary, term_id) : NULL;
  if (term == NULL)
    return FALSE;
  gls_window_show_term (self, term, GLS_HISTORY_PUSH);
  return TRUE;
}

/* Returns: (transfer none): the model of the results list */
GlsResultList *
gls_window_get_results (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->results;
}

void
gls_window_set_category (GlsWindow  *self,
                         const char *category_id)
{
  guint position = 0;

  for (guint i = 0; category_id != NULL && self->category_ids && self->category_ids[i]; i++)
    if (strcmp (self->category_ids[i], category_id) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->category_dropdown, position);
}

void
gls_window_clear_filters (GlsWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gls_letter_sidebar_set_letter (self->letter_sidebar, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
}

/*
 * Shows a message above the panes that stays until dismissed; it never
 * blocks the window.
 */
void
gls_window_show_notice (GlsWindow  *self,
                        const char *title,
                        const char *message,
                        gboolean    is_error)
{
  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  gtk_label_set_text (self->banner_title, title);
  gtk_label_set_text (self->banner_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_message), message != NULL);
  gtk_image_set_from_icon_name (self->banner_icon,
                                is_error ? "dialog-error-symbolic" : "dialog-information-symbolic");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->banner_revealer), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->banner_revealer), "error");
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
on_load_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  GlsWindow *self = user_data;

  g_atomic_int_set (&self->progress_permille, total ? (guint) (done * 1000 / total) : 0);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  GlsGlossary *glossary;

  glossary = gls_load_file (job->file, job->display_name, GLS_LOAD_FLAGS_NONE, &job->diagnostics,
                            on_load_progress, job->window, cancellable, &error);
  if (glossary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, glossary, g_object_unref);
}

static gboolean
on_progress_timeout_cb (gpointer user_data)
{
  GlsWindow *self = user_data;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

/* A revealer that fades keeps its child's room even when hidden: the bar
 * gives it back once it has faded out.
 */
static void
on_progress_revealer_notify_child_revealed_cb (GlsWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->progress_revealer) &&
      !gtk_revealer_get_child_revealed (self->progress_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), FALSE);
}

static void
stop_progress (GlsWindow *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

static void on_restored_glossary_cb (GlsWindow  *self,
                                     GParamSpec *pspec,
                                     gpointer    user_data);

/* The first error, said as a person reads it: "Line 3, column 5: …". */
static char *
describe_failure (OpenJob *job,
                  GError  *error)
{
  for (guint i = 0; job->diagnostics != NULL && i < job->diagnostics->len; i++)
    {
      const GlsDiagnostic *diagnostic = g_ptr_array_index (job->diagnostics, i);

      if (diagnostic->severity != GLS_SEVERITY_ERROR)
        continue;
      if (diagnostic->line > 0 && diagnostic->column > 0)
        return g_strdup_printf (_("Line %u, column %u: %s"), diagnostic->line,
                                diagnostic->column, diagnostic->message);
      if (diagnostic->line > 0)
        return g_strdup_printf (_("Line %u: %s"), diagnostic->line, diagnostic->message);
      return g_strdup (diagnostic->message);
    }
  return g_strdup (error->message);
}

static void
on_open_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GlsWindow *self = GLS_WINDOW (source_object);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GError) error = NULL;

  glossary = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer open took over; its own completion will report. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || job->file != self->opening_file)
    {
      if (job->file == self->opening_file)
        {
          g_clear_object (&self->opening_file);
          g_clear_object (&self->open_cancellable);
          stop_progress (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
        }
      return;
    }

  g_clear_object (&self->opening_file);
  g_clear_object (&self->open_cancellable);
  stop_progress (self);

  if (glossary == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not open “%s”"), job->display_name);
      g_autofree char *message = describe_failure (job, error);

      /* A window with nothing to keep, such as one whose last session's file
       * no longer loads, shows the bundled glossary under the message, and
       * not the term and category of the file that failed.
       */
      if (self->glossary == NULL && !g_file_has_uri_scheme (job->file, "resource"))
        {
          g_signal_handlers_disconnect_by_func (self, on_restored_glossary_cb, NULL);
          gls_window_open_bundled (self);
        }
      gls_window_show_notice (self, title, message, TRUE);
    }
  else
    {
      g_autoptr(GFile) bundled = gls_bundled_file ();

      gls_window_set_glossary (self, glossary);
      if (self->settings != NULL)
        {
          g_autofree char *uri = g_file_equal (job->file, bundled) ? g_strdup ("")
                                                                     : g_file_get_uri (job->file);

          g_settings_set_string (self->settings, "last-file", uri);
        }
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/*
 * Opens @file on a worker thread.  Until it has loaded, the window keeps the
 * glossary it shows; if it fails to load, the window says why and keeps it.
 */
void
gls_window_open_file (GlsWindow *self,
                      GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gls_window_cancel_open (self);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  job = g_new0 (OpenJob, 1);
  job->file = g_object_ref (file);
  job->display_name = g_file_has_uri_scheme (file, "resource") ? g_strdup (_("Bundled glossary"))
                                                               : g_file_get_basename (file);
  job->window = self;

  self->opening_file = g_object_ref (file);
  self->open_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress_permille, 0);
  {
    g_autofree char *label = g_strdup_printf (_("Opening “%s”…"), job->display_name);

    gtk_label_set_text (self->progress_label, label);
  }
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, on_progress_timeout_cb, self);

  task = g_task_new (self, self->open_cancellable, on_open_done_cb, NULL);
  g_task_set_source_tag (task, gls_window_open_file);
  g_task_set_task_data (task, job, open_job_free);
  g_task_run_in_thread (task, open_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/*
 * Shows the glossary compiled into the program.  It is small and trusted, so
 * it loads at once: the window's first frame can show it.
 */
void
gls_window_open_bundled (GlsWindow *self)
{
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GLS_IS_WINDOW (self));

  gls_window_cancel_open (self);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  glossary = gls_load_bundled (&error);
  if (glossary == NULL)
    {
      gls_window_show_notice (self, _("Could not open the bundled glossary"), error->message,
                              TRUE);
      return;
    }
  gls_window_set_glossary (self, glossary);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-file", "");
}

void
gls_window_cancel_open (GlsWindow *self)
{
  if (self->open_cancellable == NULL)
    return;
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->opening_file);
  stop_progress (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Returns: whether a file is being opened */
gboolean
gls_window_get_loading (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);

  return self->opening_file != NULL;
}

static void
restore_size (GlsWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int sidebar = g_settings_get_int (self->settings, "sidebar-width");
  int list = g_settings_get_int (self->settings, "list-width");

  /* Values from an older or damaged configuration are clamped, not trusted. */
  gtk_window_set_default_size (GTK_WINDOW (self), CLAMP (width, MIN_WIDTH, MAX_SIZE),
                               CLAMP (height, MIN_HEIGHT, MAX_SIZE));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->outer_paned, CLAMP (sidebar, 60, 400));
  gtk_paned_set_position (self->inner_paned, CLAMP (list, 200, 1200));
  self->show_sidebar = g_settings_get_boolean (self->settings, "show-sidebar");
  gtk_widget_set_visible (GTK_WIDGET (self->letter_sidebar), self->show_sidebar);
}

static void
save_state (GlsWindow *self)
{
  GlsTerm *term = gls_term_view_get_term (self->term_view);
  const char *category = gls_result_list_get_category (self->results);
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
  g_settings_set_int (self->settings, "list-width", gtk_paned_get_position (self->inner_paned));
  g_settings_set_boolean (self->settings, "show-sidebar", self->show_sidebar);
  g_settings_set_string (self->settings, "last-term", term ? gls_term_get_id (term) : "");
  g_settings_set_string (self->settings, "category", category ? category : "");
  g_settings_apply (self->settings);
}

static void
on_restored_glossary_cb (GlsWindow  *self,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  g_autofree char *term_id = g_settings_get_string (self->settings, "last-term");
  g_autofree char *category = g_settings_get_string (self->settings, "category");

  g_signal_handlers_disconnect_by_func (self, on_restored_glossary_cb, user_data);
  if (self->glossary == NULL)
    return;
  if (*category != '\0' && gls_glossary_lookup_category (self->glossary, category) != NULL)
    gls_window_set_category (self, category);
  if (*term_id != '\0')
    gls_window_show_term_id (self, term_id);
}

/*
 * Opens what the last session showed: its glossary (or the bundled one, with
 * a notice, when that file is gone), then its term and category.
 */
void
gls_window_restore_session (GlsWindow *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  GFileType type;

  g_return_if_fail (GLS_IS_WINDOW (self));

  if (self->settings == NULL)
    {
      gls_window_open_bundled (self);
      return;
    }

  uri = g_settings_get_string (self->settings, "last-file");
  if (*uri == '\0')
    {
      g_signal_connect (self, "notify::glossary", G_CALLBACK (on_restored_glossary_cb), NULL);
      gls_window_open_bundled (self);
      return;
    }

  /* Only a local file is opened on its own: a remote one could keep the
   * window waiting on the network before it shows anything.
   */
  file = g_file_new_for_uri (uri);
  type = g_file_is_native (file) ? g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL)
                                 : G_FILE_TYPE_UNKNOWN;
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = NULL;

      if (g_file_is_native (file) && type == G_FILE_TYPE_UNKNOWN)
        message = g_strdup_printf (_("“%s” is no longer there, so the bundled glossary is shown "
                                     "instead."), name);
      else
        message = g_strdup_printf (_("“%s” is not a file that can be opened, so the bundled "
                                     "glossary is shown instead."), name);
      g_settings_set_string (self->settings, "last-file", "");
      gls_window_open_bundled (self);
      gls_window_show_notice (self, _("The last glossary could not be found"), message, FALSE);
      return;
    }
  g_signal_connect (self, "notify::glossary", G_CALLBACK (on_restored_glossary_cb), NULL);
  gls_window_open_file (self, file);
}

static gboolean
gls_window_close_request (GtkWindow *window)
{
  GlsWindow *self = GLS_WINDOW (window);

  gls_window_cancel_open (self);
  save_state (self);
  return GTK_WINDOW_CLASS (gls_window_parent_class)->close_request (window);
}

/* Once the first frame is on screen and nothing more pressing waits: the
 * rest of the rows, and a term shown before the list had a size (a restored
 * one) brought into sight now that it has one.
 */
static gboolean
finish_first_frame (gpointer data)
{
  GlsWindow *self = data;

  self->finish_first_frame_id = 0;
  if (self->first_frame_rows != NULL)
    gtk_slice_list_model_set_size (g_steal_pointer (&self->first_frame_rows), G_MAXUINT);
  if (gls_term_view_get_term (self->term_view) != NULL)
    select_shown_term (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame_painted_cb (GlsWindow     *self,
                           GdkFrameClock *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, self);
  if (self->finish_first_frame_id == 0)
    self->finish_first_frame_id = g_idle_add (finish_first_frame, self);
}

static void
gls_window_map (GtkWidget *widget)
{
  GlsWindow *self = GLS_WINDOW (widget);

  GTK_WIDGET_CLASS (gls_window_parent_class)->map (widget);

  if (self->first_frame_rows != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame_painted_cb), self, G_CONNECT_SWAPPED);
}

static void
gls_window_constructed (GObject *object)
{
  GlsWindow *self = (GlsWindow *) object;

  G_OBJECT_CLASS (gls_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    restore_size (self);
  gls_window_update_actions (self);
}

static void
gls_window_dispose (GObject *object)
{
  GlsWindow *self = (GlsWindow *) object;

  gls_window_cancel_open (self);
  g_clear_handle_id (&self->finish_first_frame_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->category_labels);
  g_clear_object (&self->glossary);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gls_window_parent_class)->dispose (object);
}

static void
gls_window_finalize (GObject *object)
{
  GlsWindow *self = (GlsWindow *) object;

  g_ptr_array_unref (self->history);
  g_strfreev (self->category_ids);

  G_OBJECT_CLASS (gls_window_parent_class)->finalize (object);
}

static void
gls_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlsWindow *self = GLS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_GLOSSARY:
      g_value_set_object (value, self->glossary);
      break;

    case PROP_TERM:
      g_value_set_object (value, gls_term_view_get_term (self->term_view));
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, gls_window_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GlsWindow *self = GLS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SHOW_SIDEBAR:
      if (self->show_sidebar != g_value_get_boolean (value))
        {
          self->show_sidebar = g_value_get_boolean (value);
          gtk_widget_set_visible (GTK_WIDGET (self->letter_sidebar), self->show_sidebar);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_window_class_init (GlsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gls_window_constructed;
  object_class->dispose = gls_window_dispose;
  object_class->finalize = gls_window_finalize;
  object_class->get_property = gls_window_get_property;
  object_class->set_property = gls_window_set_property;
  widget_class->map = gls_window_map;
  window_class->close_request = gls_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GLOSSARY] =
    g_param_spec_object ("glossary", NULL, NULL, GLS_TYPE_GLOSSARY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TERM] =
    g_param_spec_object ("term", NULL, NULL, GLS_TYPE_TERM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLS_TYPE_LETTER_SIDEBAR);
  g_type_ensure (GLS_TYPE_TERM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gls-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, banner_message);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, banner_title);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, empty_title_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, forward_button);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, letter_sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, term_view);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, on_category_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_letter_sidebar_notify_letter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_progress_revealer_notify_child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);

  gls_window_class_install_actions (widget_class);
}

/* The window's own style, once per display. */
static void
load_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) css = NULL;

  if (g_object_get_data (G_OBJECT (display), "gls-style") != NULL)
    return;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "gls-style", g_steal_pointer (&css),
                          g_object_unref);
}

static void
gls_window_init (GlsWindow *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkDropTarget *drop_target;
  GListModel *rows;

  self->history = g_ptr_array_new_with_free_func (g_free);
  self->show_sidebar = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_style (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);

  self->results = gls_result_list_new ();
  /* Before the window's own "updated" handler: the rows are right by then. */
  rows = G_LIST_MODEL (gls_row_model_new (self->results));
  self->first_frame_rows = gtk_slice_list_model_new (rows, 0, 0);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->first_frame_rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_notify_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results, "updated",
                           G_CALLBACK (on_results_updated_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Typing anywhere in the window goes to the search entry. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb),
                            self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (on_back_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop_target, "drop", G_CALLBACK (on_drop_target_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  rebuild_categories (self);
  update_title (self);
  update_count (self);
}

GlsWindow *
gls_window_new (GtkApplication *application,
                GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (GLS_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}
