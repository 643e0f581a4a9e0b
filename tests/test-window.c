/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window as a person uses it: typing a search, choosing a letter or a
 * category, following links, opening files.  Runs under a display (Xvfb in
 * CI) with the memory settings backend.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gls-linker.h"
#include "gls-row-model.h"
#include "gls-term-row.h"
#include "gls-test-util.h"
#include "gls-test-window.h"
#include "gls-window-private.h"

typedef struct
{
  GtkApplication *application;
  GSettings      *settings;
  GlsWindow      *window;
} Fixture;

/* One application for the whole run: it owns a name on the session bus. */
static GtkApplication *application;

static void
open_fixture (GlsWindow  *window,
              const char *name)
{
  g_autofree char *path = gls_test_data_path (name);

  gls_test_window_open (window, path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->application = g_object_ref (application);
  fixture->settings = g_settings_new (APPLICATION_ID);
  fixture->window = gls_window_new (fixture->application, fixture->settings);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  open_fixture (fixture->window, data ? data : "small.xml");
  g_assert_nonnull (gls_window_get_glossary (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gls_test_drain ();
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->application);
}

/* What the list shows, as the names a person reads. */
static char *
list_names (GlsWindow *window)
{
  return gls_test_names (G_LIST_MODEL (window->selection));
}

/* The names the rows on screen show, top to bottom: the same list, once
 * the window has been laid out.
 */
static char *
row_names (GlsWindow *window)
{
  GString *names = g_string_new (NULL);

  gls_test_window_paint (window, 10);
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (window->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      GlsTerm *term = GLS_IS_TERM_ROW (row) ? gls_term_row_get_term (GLS_TERM_ROW (row)) : NULL;

      if (term == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, gls_term_get_name (term));
    }
  return g_string_free (names, FALSE);
}

static void
type_search (GlsWindow  *window,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  gls_test_drain ();
  g_assert_cmpstr (gls_result_list_get_query (window->results), ==, text);
}

/* Whether the progress bar is out of sight and leaves no gap under the
 * header bar, as when nothing is loading.
 */
static gboolean
progress_takes_no_room (GlsWindow *window)
{
  GtkWidget *revealer = GTK_WIDGET (window->progress_revealer);

  gls_test_window_paint (window, 10);
  return !gtk_widget_get_mapped (revealer) || gtk_widget_get_height (revealer) == 0;
}

static void
test_initial (Fixture       *fixture,
              gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  g_autofree char *names = list_names (window);

  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "Test Glossary");
  g_assert_cmpstr (gtk_label_get_text (window->subtitle_label), ==, "8 terms");
  g_assert_cmpstr (gtk_label_get_text (window->count_label), ==, "8 terms");
  g_assert_cmpstr (names, ==,
                   "24/7 Support, Agent, Churn Rate, Customer Satisfaction Score, Éclair Metric, "
                   "Live Chat, Net Promoter Score, Omnichannel");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->results_stack), ==, "list");
  /* Nothing chosen yet: the overview of the glossary. */
  g_assert_null (gls_window_get_term (window));
  g_assert_true (progress_takes_no_room (window));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  g_autofree char *score = NULL;
  g_autofree char *csat = NULL;
  g_autofree char *omni = NULL;
  g_autofree char *shown = NULL;

  type_search (window, "score");
  score = list_names (window);
  g_assert_cmpstr (score, ==, "Customer Satisfaction Score, Net Promoter Score");
  shown = row_names (window);
  g_assert_cmpstr (shown, ==, score);
  g_assert_cmpstr (gtk_label_get_text (window->count_label), ==, "2 of 8 terms");

  /* The exact abbreviation comes first, before definitions that mention it. */
  type_search (window, "csat");
  csat = list_names (window);
  g_assert_cmpstr (csat, ==, "Customer Satisfaction Score, Net Promoter Score");
  g_assert_cmpint (gls_result_list_get_tier (window->results, 0), ==, GLS_MATCH_EXACT);
  g_assert_cmpint (gls_result_list_get_tier (window->results, 1), ==, GLS_MATCH_DEFINITION);

  type_search (window, "Omni Channel");
  omni = list_names (window);
  g_assert_cmpstr (omni, ==, "Omnichannel");
  g_free (shown);
  shown = row_names (window);
  g_assert_cmpstr (shown, ==, "Omnichannel");

  /* Enter shows the top result. */
  g_signal_emit_by_name (window->search_entry, "activate");
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "omnichannel");

  /* Escape clears the search. */
  g_signal_emit_by_name (window->search_entry, "stop-search");
  gls_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), ==, 8);
  g_free (shown);
  shown = row_names (window);
  g_assert_cmpstr (shown, ==,
                   "24/7 Support, Agent, Churn Rate, Customer Satisfaction Score, Éclair Metric, "
                   "Live Chat, Net Promoter Score, Omnichannel");

  /* Typing that lands in the search from elsewhere in the window brings the
   * keyboard along, so that Down and Enter act on the results.
   */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (window->list_view)));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                          GTK_WIDGET (window->search_entry)));
  type_search (window, "chat");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (window->search_entry)));
  /* What is typed next goes after it. */
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (window->search_entry)), ==, 4);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  GtkWidget *suggestion;

  type_search (window, "chrun");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->results_stack), ==, "empty");
  g_assert_cmpstr (gtk_label_get_text (window->empty_title_label), ==, "No terms match “chrun”");

  suggestion = gtk_widget_get_first_child (GTK_WIDGET (window->suggestions_box));
  g_assert_nonnull (suggestion);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (suggestion)), ==, "Did you mean Churn Rate?");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->clear_filters_button)));

  /* Taking the suggestion searches for it and shows it. */
  g_signal_emit_by_name (suggestion, "clicked");
  gls_test_drain ();
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "churn-rate");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->results_stack), ==, "list");

  type_search (window, "zzzz");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  gls_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), ==, 8);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
}

static void
test_letter (Fixture       *fixture,
             gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  g_autofree char *c_names = NULL;
  g_autofree char *e_names = NULL;
  g_autofree char *digits = NULL;

  gls_letter_sidebar_set_letter (window->letter_sidebar, 'C');
  gls_test_drain ();
  c_names = list_names (window);
  g_assert_cmpstr (c_names, ==, "Churn Rate, Customer Satisfaction Score");
  g_assert_cmpstr (gtk_label_get_text (window->count_label), ==, "2 of 8 terms");

  gls_letter_sidebar_set_letter (window->letter_sidebar, 'E');
  gls_test_drain ();
  e_names = list_names (window);
  g_assert_cmpstr (e_names, ==, "Éclair Metric");

  gls_letter_sidebar_set_letter (window->letter_sidebar, '#');
  gls_test_drain ();
  digits = list_names (window);
  g_assert_cmpstr (digits, ==, "24/7 Support");

  /* Typing a search looks through every letter again. */
  type_search (window, "agent");
  g_assert_cmpint (gls_letter_sidebar_get_letter (window->letter_sidebar), ==, 0);
  g_assert_cmpint (gls_result_list_get_letter (window->results), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), >, 0);
}

static void
test_category (Fixture       *fixture,
               gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  g_autofree char *channels = NULL;
  g_autofree char *combined = NULL;
  g_autofree char *all_three = NULL;

  /* The drop-down lists every category with its count. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (window->category_dropdown)),
                    ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (window->category_labels, 2), ==, "Channels (3)");

  gtk_drop_down_set_selected (window->category_dropdown, 2);
  gls_test_drain ();
  channels = list_names (window);
  g_assert_cmpstr (channels, ==, "24/7 Support, Live Chat, Omnichannel");

  /* Filters combine: category, then a search, then a letter. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-category", "s", "metrics");
  type_search (window, "attrition");
  combined = list_names (window);
  g_assert_cmpstr (combined, ==, "Churn Rate");

  type_search (window, "");
  gls_letter_sidebar_set_letter (window->letter_sidebar, 'N');
  gls_test_drain ();
  all_three = list_names (window);
  g_assert_cmpstr (all_three, ==, "Net Promoter Score");
  g_assert_cmpstr (gtk_label_get_text (window->count_label), ==, "1 of 8 terms");
}

static void
test_links_and_history (Fixture       *fixture,
                        gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  GtkWidget *view = GTK_WIDGET (window->term_view);
  GlsTerm *nps;

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->back_button)));
  g_assert_true (gls_window_show_term_id (window, "net-promoter-score"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->back_button)));
  nps = gls_window_get_term (window);
  g_assert_cmpstr (gls_term_get_name (nps), ==, "Net Promoter Score");
  /* The term is selected in the list. */
  g_assert_true (gls_row_item_get_term (gtk_single_selection_get_selected_item (window->selection)) ==
                 nps);

  /* Following the inline link to CSAT. */
  gls_term_view_open_uri (view, "term:customer-satisfaction-score");
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==,
                   "customer-satisfaction-score");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->back_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->forward_button)));

  /* A link to a term that the filters hide still shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-category", "s", "channels");
  gls_test_drain ();
  gls_term_view_open_uri (view, "term:churn-rate");
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "churn-rate");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==,
                    GTK_INVALID_LIST_POSITION);

  /* Links of other schemes are refused. */
  gls_term_view_open_uri (view, "file:///etc/passwd");
  gls_term_view_open_uri (view, "javascript:alert(1)");
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "churn-rate");

  /* Back and forward walk the links followed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==,
                   "customer-satisfaction-score");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_true (gls_window_get_term (window) == nps);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->back_button)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->forward_button)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "churn-rate");

  /* Following a link from the middle of the history drops what was ahead. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gls_term_view_open_uri (view, "term:live-chat");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "live-chat");
}

static void
test_definition_links (Fixture       *fixture,
                       gconstpointer  data)
{
  GlsGlossary *glossary = gls_window_get_glossary (fixture->window);
  GlsTerm *agent = gls_glossary_lookup (glossary, "agent");
  GlsTerm *nps = gls_glossary_lookup (glossary, "net-promoter-score");
  g_autoptr(GHashTable) linked = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) linked_nps = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *markup = gls_linker_markup (glossary, agent, 0, linked);
  g_autofree char *nps_markup = gls_linker_markup (glossary, nps, 0, linked_nps);

  /* "live chat" in Agent's definition names the term Live Chat. */
  g_assert_cmpstr (markup, ==,
                   "A person who answers customers in <a href=\"term:live-chat\">live chat</a>, "
                   "by phone or by email.");
  /* The file's own reference is kept as written. */
  g_assert_nonnull (strstr (nps_markup,
                            "<a href=\"term:customer-satisfaction-score\">CSAT</a>"));
}

static gboolean
banner_shown (GlsWindow *window)
{
  return gtk_revealer_get_reveal_child (window->banner_revealer);
}

static void
test_failed_open_keeps_glossary (Fixture       *fixture,
                                 gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  GlsGlossary *before = gls_window_get_glossary (window);
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"https://cxglossary.github.io/ns/glossary/1\" version=\"1\">\n"
    "  <title>Bad</title>\n"
    "  <term id=\"a\"><name>A</name><definition>x</definition></term>\n"
    "  <term id=\"a\"><name>B</name><definition>y</definition></term>\n"
    "</glossary>\n";

  gls_window_show_term_id (window, "agent");
  bad = g_file_new_tmp ("bad-XXXXXX.xml", &stream, &error);
  g_assert_no_error (error);
  g_file_replace_contents (bad, xml, strlen (xml), NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  gls_window_open_file (window, bad);
  gls_test_wait_until (gls_test_window_is_loaded, window, 10);
  gls_test_drain ();

  /* The glossary, the term and the list stay as they were. */
  g_assert_true (gls_window_get_glossary (window) == before);
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "agent");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), ==, 8);

  /* A message names the file, the line, the column and the problem. */
  g_assert_true (banner_shown (window));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (window->banner_title), "Could not open “bad-"));
  message = gtk_label_get_text (window->banner_message);
  g_assert_cmpstr (message, ==, "Line 5, column 3: duplicate term id “a”");

  /* A missing file too. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/glossary.xml");

    gls_window_open_file (window, missing);
    gls_test_wait_until (gls_test_window_is_loaded, window, 10);
    gls_test_drain ();
    g_assert_true (gls_window_get_glossary (window) == before);
    g_assert_nonnull (strstr (gtk_label_get_text (window->banner_message), "No such file"));
  }

  g_file_delete (bad, NULL, NULL);
}

static void
test_open_other (Fixture       *fixture,
                 gconstpointer  data)
{
  GlsWindow *window = fixture->window;

  gls_window_show_term_id (window, "agent");
  open_fixture (window, "minimal.xml");
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "Minimal Glossary");
  g_assert_cmpstr (gtk_label_get_text (window->subtitle_label), ==, "1 term");
  g_assert_null (gls_window_get_term (window));
  /* The history belongs to the glossary it was made in. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->back_button)));
  g_assert_true (progress_takes_no_room (window));
}

static void
test_settings_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = gls_test_data_path ("small.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *last_file = NULL;
  GlsWindow *second;

  gls_window_show_term_id (fixture->window, "live-chat");
  gls_window_set_category (fixture->window, "channels");
  gls_test_drain ();
  gtk_window_close (GTK_WINDOW (fixture->window));
  gls_test_drain ();

  last_file = g_settings_get_string (fixture->settings, "last-file");
  g_assert_cmpstr (last_file, ==, uri);

  second = gls_window_new (fixture->application, fixture->settings);
  gtk_window_present (GTK_WINDOW (second));
  gls_window_restore_session (second);
  gls_test_wait_until (gls_test_window_is_loaded, second, 10);
  gls_test_drain ();
  g_assert_cmpstr (gtk_label_get_text (second->title_label), ==, "Test Glossary");
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (second)), ==, "live-chat");
  g_assert_cmpstr (gls_result_list_get_category (second->results), ==, "channels");
  g_assert_cmpuint (gtk_drop_down_get_selected (second->category_dropdown), ==, 2);

  /* A last file that has gone: the bundled glossary, with a notice. */
  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_set_string (fixture->settings, "last-file", "file:///nonexistent/gone.xml");
  g_settings_set_string (fixture->settings, "last-term", "no-such-term");
  g_settings_set_int (fixture->settings, "window-width", -40);
  second = gls_window_new (fixture->application, fixture->settings);
  gtk_window_present (GTK_WINDOW (second));
  gls_window_restore_session (second);
  gls_test_wait_until (gls_test_window_is_loaded, second, 10);
  gls_test_drain ();
  g_assert_cmpstr (gtk_label_get_text (second->title_label), ==, "Customer Experience Glossary");
  g_assert_true (banner_shown (second));
  g_assert_nonnull (strstr (gtk_label_get_text (second->banner_message), "gone.xml"));
  g_assert_null (gls_window_get_term (second));
  gtk_window_destroy (GTK_WINDOW (second));

  /* The fixture's window is closed already; give tear-down a fresh one. */
  fixture->window = gls_window_new (fixture->application, NULL);
}

/* Writes what the window shows to a PNG in the build folder, for a person to
 * look at; nothing is compared.
 */
/* Ctrl+? and the menu show the keyboard shortcuts, over the window. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  GtkShortcutsWindow *overlay;

  /* Built when first asked for, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  gls_test_drain ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closing hides it; asking again shows the same one. */
  gtk_window_close (GTK_WINDOW (overlay));
  gls_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  gls_test_drain ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

/* The main menu is made when it first opens, and holds the window's actions. */
static void
test_main_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  GtkPopover *popover;
  GMenuModel *model;
  g_autofree char *first_action = NULL;

  g_assert_null (gtk_menu_button_get_popover (window->menu_button));

  gtk_menu_button_popup (window->menu_button);
  gls_test_drain ();
  popover = gtk_menu_button_get_popover (window->menu_button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_true (model == window->primary_menu);
  model = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &first_action));
  g_assert_cmpstr (first_action, ==, "win.open");
  g_object_unref (model);

  /* Opening it again shows the same popover. */
  gtk_popover_popdown (popover);
  gls_test_drain ();
  gtk_menu_button_popup (window->menu_button);
  gls_test_drain ();
  g_assert_true (gtk_menu_button_get_popover (window->menu_button) == popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);
}

/* The window as the screen shows it. */
static GdkTexture *
render_window (GlsWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  int width;
  int height;

  gls_test_window_paint (window, 10);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_screenshot (GlsWindow  *window,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = render_window (window);
  g_autofree char *directory = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = NULL;

  g_mkdir_with_parents (directory, 0755);
  path = g_build_filename (directory, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Wrote %s (%d×%d)", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
}

/* The pixels in @rect of @texture dark enough to be the ink of text. */
static guint
count_ink (GdkTexture            *texture,
           const graphene_rect_t *rect)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  guint ink = 0;

  gdk_texture_download (texture, pixels, stride);
  for (int y = MAX (0, (int) rect->origin.y); y < MIN (height, (int) (rect->origin.y + rect->size.height)); y++)
    for (int x = MAX (0, (int) rect->origin.x); x < MIN (width, (int) (rect->origin.x + rect->size.width)); x++)
      {
        const guchar *pixel = pixels + y * stride + x * 4;

        if (pixel[0] < 0x80 && pixel[1] < 0x80 && pixel[2] < 0x80)
          ink++;
      }
  return ink;
}

/* The pixels of the topmost row wholly in sight, as the screen shows them. */
static GBytes *
first_row_pixels (GlsWindow *window)
{
  g_autoptr(GdkTexture) texture = render_window (window);
  GtkWidget *list = GTK_WIDGET (window->list_view);
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  g_autofree guchar *pixels = g_malloc (stride * gdk_texture_get_height (texture));
  graphene_rect_t list_bounds;

  gdk_texture_download (texture, pixels, stride);
  g_assert_true (gtk_widget_compute_bounds (list, GTK_WIDGET (window), &list_bounds));
  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      graphene_rect_t bounds;
      GByteArray *region;

      if (!gtk_widget_compute_bounds (item, GTK_WIDGET (window), &bounds) ||
          !graphene_rect_contains_rect (&list_bounds, &bounds))
        continue;
      region = g_byte_array_new ();
      for (int y = bounds.origin.y; y < bounds.origin.y + bounds.size.height; y++)
        g_byte_array_append (region, pixels + y * stride + (gsize) bounds.origin.x * 4,
                             (guint) bounds.size.width * 4);
      return g_byte_array_free_to_bytes (region);
    }
  g_error ("No row is in sight");
}

/* Returns: (transfer container): the term rows wholly in sight in the list,
 * with their bounds in the window's coordinates
 */
static GPtrArray *
rows_in_sight (GlsWindow *window,
               GArray    *bounds)
{
  GtkWidget *list = GTK_WIDGET (window->list_view);
  GPtrArray *rows = g_ptr_array_new ();
  graphene_rect_t list_bounds;

  g_assert_true (gtk_widget_compute_bounds (list, GTK_WIDGET (window), &list_bounds));
  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_rect_t row_bounds;

      if (!GLS_IS_TERM_ROW (row) || gls_term_row_get_term (GLS_TERM_ROW (row)) == NULL ||
          !gtk_widget_compute_bounds (row, GTK_WIDGET (window), &row_bounds) ||
          !graphene_rect_contains_rect (&list_bounds, &row_bounds))
        continue;
      g_ptr_array_add (rows, row);
      g_array_append_val (bounds, row_bounds);
    }
  return rows;
}

/* Checks that every row wholly in sight shows its text on screen; returns
 * how many rows it checked.
 */
static guint
assert_rows_in_sight_drawn (GlsWindow *window)
{
  g_autoptr(GdkTexture) texture = render_window (window);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GPtrArray) rows = rows_in_sight (window, bounds);

  for (guint i = 0; i < rows->len; i++)
    if (count_ink (texture, &g_array_index (bounds, graphene_rect_t, i)) < 50)
      g_error ("The row of “%s” is in sight but shows no text",
               gls_term_get_name (gls_term_row_get_term (g_ptr_array_index (rows, i))));
  return rows->len;
}

/* Whether the row at @position of the list is wholly in sight. */
static gboolean
row_in_sight (GlsWindow *window,
              guint      position)
{
  g_autoptr(GlsTerm) term = g_list_model_get_item (G_LIST_MODEL (window->results), position);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GPtrArray) rows = rows_in_sight (window, bounds);

  for (guint i = 0; i < rows->len; i++)
    if (gls_term_row_get_term (g_ptr_array_index (rows, i)) == term)
      return TRUE;
  return FALSE;
}

/* The first frame makes only the rows that can be in sight, and every other
 * row follows right after it; a term shown before it has its row, selected.
 */
static void
test_first_frame_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  GlsWindow *window = gls_window_new (fixture->application, NULL);
  GListModel *rows = G_LIST_MODEL (window->selection);
  guint n_terms;
  guint last;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gls_window_open_bundled (window);
  n_terms = g_list_model_get_n_items (G_LIST_MODEL (window->results));
  g_assert_cmpuint (n_terms, >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_terms);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 20);

  {
    g_autoptr(GlsTerm) term = g_list_model_get_item (G_LIST_MODEL (window->results), n_terms - 1);

    gls_window_show_term (window, term, GLS_HISTORY_PUSH);
  }
  last = gtk_single_selection_get_selected (window->selection);
  g_assert_cmpuint (last, ==, n_terms - 1);

  gtk_window_present (GTK_WINDOW (window));
  gls_test_window_paint (window, 10);
  gls_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_terms);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, last);
  g_assert_cmpuint (assert_rows_in_sight_drawn (window), >=, 10);
  g_assert_true (row_in_sight (window, last));

  gtk_window_destroy (GTK_WINDOW (window));
  gls_test_drain ();
}

/* Rows that were out of sight show their text once scrolled or searched
 * into sight.
 */
static void
test_rows_in_sight (Fixture       *fixture,
                    gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->list_view));
  double ends[] = { 0.5, 1.0, 0.25, 0.0 };
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GBytes) again = NULL;

  gls_window_open_bundled (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), >, 100);
  g_assert_cmpuint (assert_rows_in_sight_drawn (window), >=, 10);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, ends[i] * upper);
      g_assert_cmpuint (assert_rows_in_sight_drawn (window), >=, 10);
    }
  type_search (window, "ex");
  g_assert_cmpuint (assert_rows_in_sight_drawn (window), >=, 10);
  type_search (window, "");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpuint (assert_rows_in_sight_drawn (window), >=, 10);

  /* The top row shows a new term as soon as a search gives it one, and the
   * same term and search look the same each time.
   */
  gtk_adjustment_set_value (adjustment, 0);
  first = first_row_pixels (window);
  type_search (window, "zendesk");
  g_assert_cmpuint (assert_rows_in_sight_drawn (window), >=, 1);
  other = first_row_pixels (window);
  g_assert_false (g_bytes_equal (first, other));
  type_search (window, "");
  again = first_row_pixels (window);
  g_assert_true (g_bytes_equal (first, again));
}

/* The height of the first row of the list, as laid out. */
static int
first_row_height (GlsWindow *window)
{
  GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (window->list_view));

  gls_test_window_paint (window, 10);
  g_assert_nonnull (item);
  return gtk_widget_get_height (gtk_widget_get_first_child (item));
}

/* Larger text makes taller rows, which still show all their text. */
static void
test_rows_follow_font (Fixture       *fixture,
                       gconstpointer  data)
{
  GlsWindow *window = fixture->window;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  int height = first_row_height (window);
  int larger;

  g_assert_cmpint (height, >, 20);
  gtk_css_provider_load_from_data (provider, "termrow { font-size: 2em; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  larger = first_row_height (window);
  g_assert_cmpint (larger, >, height * 3 / 2);
  g_assert_cmpuint (assert_rows_in_sight_drawn (window), >=, 3);

  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (provider));
  g_assert_cmpint (first_row_height (window), ==, height);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  GlsWindow *window = fixture->window;

  save_screenshot (window, "01-overview.png");
  type_search (window, "nps");
  g_signal_emit_by_name (window->search_entry, "activate");
  save_screenshot (window, "02-search-nps.png");
  type_search (window, "");
  gls_window_show_term_id (window, "customer-satisfaction-score");
  save_screenshot (window, "03-term-csat.png");
  type_search (window, "chrun");
  save_screenshot (window, "04-no-results.png");
  type_search (window, "");
  gls_letter_sidebar_set_letter (window->letter_sidebar, 'C');
  gls_window_show_notice (window, "Could not open “bad.xml”",
                          "Line 5, column 3: duplicate term id “a”", TRUE);
  save_screenshot (window, "05-letter-c-and-error.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-banner", NULL);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gls_window_show_term_id (window, "omnichannel");
  save_screenshot (window, "06-small-800x600.png");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = gls_test_window_init (&argc, &argv, "io.github.cxglossary.Glossary.Test");

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/gls/window/initial", test_initial, NULL);
  ADD ("/gls/window/search", test_search, NULL);
  ADD ("/gls/window/empty-state", test_empty_state, NULL);
  ADD ("/gls/window/letter", test_letter, NULL);
  ADD ("/gls/window/category", test_category, NULL);
  ADD ("/gls/window/links-and-history", test_links_and_history, NULL);
  ADD ("/gls/window/definition-links", test_definition_links, NULL);
  ADD ("/gls/window/failed-open-keeps-glossary", test_failed_open_keeps_glossary, NULL);
  ADD ("/gls/window/open-other", test_open_other, NULL);
  ADD ("/gls/window/settings-restore", test_settings_restore, NULL);
  ADD ("/gls/window/shortcuts-window", test_shortcuts_window, NULL);
  ADD ("/gls/window/main-menu", test_main_menu, NULL);
  ADD ("/gls/window/first-frame-rows", test_first_frame_rows, NULL);
  ADD ("/gls/window/rows-in-sight", test_rows_in_sight, NULL);
  ADD ("/gls/window/rows-follow-font", test_rows_follow_font, NULL);
  ADD ("/gls/window/screenshots", test_screenshots, NULL);

#undef ADD

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
