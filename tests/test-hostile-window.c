/* test-hostile-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window given hostile and broken input: every file of the corpus opened
 * over a glossary it must keep when the file fails, and the settings of a
 * last session that are damaged, odd or stale.  Runs under a display (Xvfb
 * in CI) with the memory settings backend.
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gls-test-corpus.h"
#include "gls-test-util.h"
#include "gls-test-window.h"
#include "gls-window-private.h"

#define BUNDLED_TITLE "Customer Experience Glossary"

typedef struct
{
  GSettings *settings;
  GlsWindow *window;
} Fixture;

/* One application for the whole run: it owns a name on the session bus. */
static GtkApplication *application;
static GlsTestCorpus *corpus;

static void
open_path (GlsWindow  *window,
           const char *path)
{
  gls_test_window_open (window, path);
  gls_test_window_paint (window, 30);
}

static gboolean
banner_shown (GlsWindow *window)
{
  return gtk_revealer_get_reveal_child (window->banner_revealer);
}

/* Settings as a first run has them. */
static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static GlsWindow *
new_window (GSettings *settings)
{
  GlsWindow *window = gls_window_new (application, settings);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *small = gls_test_data_path ("small.xml");

  fixture->settings = new_settings ();
  fixture->window = new_window (fixture->settings);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  open_path (fixture->window, small);
  g_assert_cmpstr (gls_glossary_get_title (gls_window_get_glossary (fixture->window)), ==,
                   "Test Glossary");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  gls_test_drain ();
  g_clear_object (&fixture->settings);
}

/* The texts of every label under @widget, one a line, and their markup. */
static void
collect_labels (GtkWidget *widget,
                GString   *texts,
                GString   *markup)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_printf (markup, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts, markup);
}

static gboolean
has_line (const char *lines,
          const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *haystack = g_strdup_printf ("\n%s", lines);

  return strstr (haystack, needle) != NULL;
}

/* Every term shows its name and definition as the file has them, as text. */
static void
assert_terms_shown (GlsWindow   *window,
                    GlsGlossary *glossary)
{
  for (guint i = 0; i < gls_glossary_get_n_terms (glossary); i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, i);
      g_autoptr(GString) texts = g_string_new (NULL);
      g_autoptr(GString) markup = g_string_new (NULL);

      g_assert_true (gls_window_show_term_id (window, gls_term_get_id (term)));
      gls_test_window_paint (window, 30);
      collect_labels (GTK_WIDGET (window->term_view), texts, markup);
      g_assert_true (has_line (texts->str, gls_term_get_name (term)));
      g_assert_true (has_line (texts->str, gls_term_get_definition (term, 0)));
      /* Text that looks like a link stays text. */
      g_assert_null (strstr (markup->str, "href=\"file:"));
      gls_test_corpus_assert_no_secret (corpus, texts->str);
    }
}

static void
test_open_case (Fixture       *fixture,
                gconstpointer  data)
{
  const GlsTestCase *test_case = data;
  const GlsTestOutcome *outcome = &test_case->outcome;
  GlsWindow *window = fixture->window;
  GlsGlossary *before = gls_window_get_glossary (window);
  g_autofree char *basename = g_path_get_basename (test_case->path);
  const char *banner_message;
  gint64 start;

  g_assert_true (gls_window_show_term_id (window, "agent"));
  start = g_get_monotonic_time ();
  open_path (window, test_case->path);
  /* Reported, not tested: a test does not depend on the machine's speed. */
  g_test_message ("%s: opened and painted in %.3f s", test_case->name,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  gls_test_corpus_assert_no_secret (corpus, gtk_label_get_text (window->banner_title));
  gls_test_corpus_assert_no_secret (corpus, gtk_label_get_text (window->banner_message));
  banner_message = gtk_label_get_text (window->banner_message);

  if (outcome->ok)
    {
      GlsGlossary *glossary = gls_window_get_glossary (window);
      const char *title = gls_glossary_get_title (glossary);
      g_autofree char *names = gls_test_names (G_LIST_MODEL (window->selection));
      g_autofree char *expected_names = gls_test_names (G_LIST_MODEL (glossary));

      g_assert_false (banner_shown (window));
      g_assert_true (glossary != before);
      gls_test_assert_loaded (corpus, test_case, outcome, glossary);
      g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, title);
      g_assert_cmpstr (names, ==, expected_names);
      assert_terms_shown (window, glossary);
      return;
    }

  /* The glossary, its term and its list stay; the banner says why. */
  g_assert_true (gls_window_get_glossary (window) == before);
  g_assert_cmpstr (gls_term_get_id (gls_window_get_term (window)), ==, "agent");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), ==, 8);
  g_assert_true (banner_shown (window));
  {
    g_autofree char *title = g_strdup_printf ("Could not open “%s”", basename);

    g_assert_cmpstr (gtk_label_get_text (window->banner_title), ==, title);
  }
  if (outcome->line > 0 && outcome->column > 0)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u, column %u: ", outcome->line,
                                                 outcome->column);

      g_assert_true (g_str_has_prefix (banner_message, prefix));
    }
  else if (outcome->line > 0)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u, column ", outcome->line);

      g_assert_true (g_str_has_prefix (banner_message, prefix));
    }
  g_assert_nonnull (strstr (banner_message, outcome->text));
  g_assert_null (strchr (banner_message, '\n'));

  /* And the window goes on working. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "chat");
  gls_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), >, 0);
}

/* Restores a session from @settings in a new window, to its end. */
static GlsWindow *
restore (GSettings *settings)
{
  GlsWindow *window = new_window (settings);

  gls_window_restore_session (window);
  gls_test_wait_until (gls_test_window_is_loaded, window, 30);
  gls_test_window_paint (window, 30);
  return window;
}

static void
assert_bundled_with_notice (GlsWindow  *window,
                            const char *notice)
{
  g_autofree char *last_file = NULL;

  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, BUNDLED_TITLE);
  g_assert_true (banner_shown (window));
  if (strstr (gtk_label_get_text (window->banner_message), notice) == NULL)
    g_error ("The notice “%s” does not say “%s”", gtk_label_get_text (window->banner_message),
             notice);
  /* The term of the file that failed is not looked for in this one. */
  g_assert_null (gls_window_get_term (window));
  /* And the next session starts on the bundled glossary. */
  last_file = g_settings_get_string (window->settings, "last-file");
  g_assert_cmpstr (last_file, ==, "");
}

static void
test_settings_sizes (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  GlsWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", G_MAXINT);
  g_settings_set_int (settings, "window-height", -1);
  g_settings_set_int (settings, "sidebar-width", G_MININT);
  g_settings_set_int (settings, "list-width", 1000000);

  /* Clamped, before the display fits the window to the screen. */
  window = gls_window_new (application, settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 16384);
  g_assert_cmpint (height, ==, 420);
  g_assert_cmpint (gtk_paned_get_position (window->outer_paned), ==, 60);
  g_assert_cmpint (gtk_paned_get_position (window->inner_paned), ==, 1200);

  gtk_window_present (GTK_WINDOW (window));
  gls_window_restore_session (window);
  gls_test_wait_until (gls_test_window_is_loaded, window, 30);
  gls_test_drain ();
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, BUNDLED_TITLE);
  gtk_window_destroy (GTK_WINDOW (window));
  gls_test_drain ();
}

/* A damaged configuration file: values of the wrong type, values that do
 * not parse, numbers out of range.  They read as the keys' defaults, or, for
 * a string that lost its quotes, as the text left.
 */
static void
test_settings_damaged (void)
{
  g_autofree char *path = g_build_filename (corpus->directory, "damaged.ini", NULL);
  const char *damaged =
    "[glossary]\n"
    "window-width='wide'\n"
    "window-height=[[[\n"
    "sidebar-width=99999999999999999999999\n"
    "show-sidebar=7\n"
    "window-maximized=\n"
    "last-file=42\n"
    "last-term=@as []\n"
    "category=true\n";
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  GlsWindow *window;
  int width;
  int height;

  g_assert_true (g_file_set_contents (path, damaged, -1, NULL));
  backend = g_keyfile_settings_backend_new (path, "/io/github/cxglossary/Glossary/", "glossary");
  settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);

  window = gls_window_new (application, settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 720);
  g_assert_cmpint (gtk_paned_get_position (window->outer_paned), ==, 110);
  gtk_window_present (GTK_WINDOW (window));
  gls_window_restore_session (window);
  gls_test_wait_until (gls_test_window_is_loaded, window, 30);
  gls_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->letter_sidebar)));
  assert_bundled_with_notice (window, "“42” is not a file that can be opened");
  gtk_window_destroy (GTK_WINDOW (window));
  gls_test_drain ();
  g_remove (path);
}

typedef struct
{
  const char *description;
  char       *uri;
  const char *notice;
} LastFile;

static void
test_settings_last_file (void)
{
  g_autofree char *fifo = g_build_filename (corpus->directory, "fifo.xml", NULL);
  g_autofree char *locked = g_build_filename (corpus->directory, "locked.xml", NULL);
  g_autofree char *small = gls_test_data_path ("small.xml");
  g_autofree char *laughs_path = gls_test_data_path ("bad/billion-laughs.xml");
  g_autofree char *big = NULL;
  LastFile last_files[] = {
    { "not a URI", g_strdup ("not a URI at all"), "is not a file that can be opened" },
    { "a path, not a URI", g_strdup (small), "is not a file that can be opened" },
    { "gone", g_strdup ("file:///nonexistent/gone.xml"), "is no longer there" },
    { "a directory", g_filename_to_uri (corpus->directory, NULL, NULL),
      "is not a file that can be opened" },
    { "a FIFO", g_filename_to_uri (fifo, NULL, NULL), "is not a file that can be opened" },
    { "remote", g_strdup_printf ("http://%s/glossary.xml", corpus->listener_address),
      "is not a file that can be opened" },
    { "a file whose reading fails", g_strdup ("file:///proc/self/mem"), "Input/output error" },
    { "a file that became hostile", g_filename_to_uri (laughs_path, NULL, NULL),
      "Line 2, column 1: a DOCTYPE declaration is not allowed" },
    { "a file over the limits of libxml2", NULL, "a text is longer than the limit" },
    { "an unreadable file", NULL, "Permission denied" },
  };

  for (guint i = 0; i < corpus->cases->len; i++)
    {
      GlsTestCase *test_case = g_ptr_array_index (corpus->cases, i);

      if (g_str_equal (test_case->name, "@text-node-50mb.xml"))
        big = g_filename_to_uri (test_case->path, NULL, NULL);
    }
  g_assert_nonnull (big);
  last_files[8].uri = g_steal_pointer (&big);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (locked, "<glossary/>", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  /* Root reads any file: there the failing read of /proc/self/mem stands in. */
  if (access (locked, R_OK) != 0)
    last_files[9].uri = g_filename_to_uri (locked, NULL, NULL);
  else
    g_test_message ("Running as root: no file is unreadable by permission");

  for (guint i = 0; i < G_N_ELEMENTS (last_files); i++)
    {
      g_autoptr(GSettings) settings = NULL;
      GlsWindow *window;

      if (last_files[i].uri == NULL)
        continue;
      g_test_message ("Last file %s: %s", last_files[i].description, last_files[i].uri);
      settings = new_settings ();
      g_settings_set_string (settings, "last-file", last_files[i].uri);
      /* A term and a category that the bundled glossary has. */
      g_settings_set_string (settings, "last-term", "net-promoter-score");
      g_settings_set_string (settings, "category", "metrics");

      window = restore (settings);
      assert_bundled_with_notice (window, last_files[i].notice);
      g_assert_null (gls_result_list_get_category (window->results));
      gtk_window_destroy (GTK_WINDOW (window));
      gls_test_drain ();
      g_free (last_files[i].uri);
    }

  g_assert_cmpuint (gls_test_corpus_count_connections (corpus), ==, 0);
  g_remove (fifo);
  g_remove (locked);
}

/* A last term and category the restored glossary does not have. */
static void
test_settings_stale_term (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *path = gls_test_data_path ("small.xml");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GlsWindow *window;

  g_settings_set_string (settings, "last-file", uri);
  g_settings_set_string (settings, "last-term", "no-such-term");
  g_settings_set_string (settings, "category", "no-such-category");

  window = restore (settings);
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "Test Glossary");
  g_assert_false (banner_shown (window));
  g_assert_null (gls_window_get_term (window));
  g_assert_null (gls_result_list_get_category (window->results));
  g_assert_cmpuint (gtk_drop_down_get_selected (window->category_dropdown), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), ==, 8);
  gtk_window_destroy (GTK_WINDOW (window));
  gls_test_drain ();
}

static void
test_no_connection (void)
{
  g_assert_cmpuint (gls_test_corpus_count_connections (corpus), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = gls_test_window_init (&argc, &argv, "io.github.cxglossary.Glossary.HostileTest");
  corpus = gls_test_corpus_new ();

  for (guint i = 0; i < corpus->cases->len; i++)
    {
      GlsTestCase *test_case = g_ptr_array_index (corpus->cases, i);
      g_autofree char *path = g_strconcat ("/gls/hostile-window/open/", test_case->name, NULL);

      g_test_add (path, Fixture, test_case, fixture_set_up, test_open_case, fixture_tear_down);
    }
  g_test_add_func ("/gls/hostile-window/settings/sizes", test_settings_sizes);
  g_test_add_func ("/gls/hostile-window/settings/damaged", test_settings_damaged);
  g_test_add_func ("/gls/hostile-window/settings/last-file", test_settings_last_file);
  g_test_add_func ("/gls/hostile-window/settings/stale-term", test_settings_stale_term);
  g_test_add_func ("/gls/hostile-window/isolation/no-connection", test_no_connection);

  status = g_test_run ();
  g_object_unref (application);
  g_clear_pointer (&corpus, gls_test_corpus_free);
  return status;
}
