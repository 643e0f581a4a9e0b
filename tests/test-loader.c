/* test-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XML loader: what a valid file gives, and for each kind of bad file the
 * error a user reads, with its line and column.  Lines of the inline files are
 * numbered in the comments beside them; columns count characters from 1.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gls-glossary.h"
#include "gls-test-util.h"

/* Lines 1 to 3 of most inline files. */
#define HEAD                                                  \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"              \
  "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"    \
  "  <title>T</title>\n"

/* A term that loads, for files that need one besides the faulty one. */
#define GOOD_TERM(id) \
  "  <term id='" id "'><name>" id "</name><definition>Fine.</definition></term>\n"

/* Loads @xml as "test.xml", which must fail with @code_ and @message_. */
#define assert_load_error(xml, flags, code_, message_)                                \
  G_STMT_START                                                                        \
  {                                                                                   \
    g_autoptr(GError) error_ = NULL;                                                  \
    g_autoptr(GlsGlossary) glossary_ = gls_test_load_string ((xml), (flags), NULL,    \
                                                             &error_);                \
    g_assert_null (glossary_);                                                        \
    g_assert_error (error_, GLS_LOAD_ERROR, (code_));                                 \
    g_assert_cmpstr (error_->message, ==, (message_));                                \
  }                                                                                   \
  G_STMT_END

static GlsDiagnostic *
diagnostic_at (GPtrArray *diagnostics,
               guint      index)
{
  g_assert_cmpuint (index, <, diagnostics->len);
  return g_ptr_array_index (diagnostics, index);
}

#define assert_diagnostic(diagnostics, index, severity_, code_, line_, column_, message_) \
  G_STMT_START                                                                           \
  {                                                                                      \
    GlsDiagnostic *d_ = diagnostic_at ((diagnostics), (index));                          \
    g_assert_cmpint (d_->severity, ==, (severity_));                                     \
    g_assert_cmpint (d_->code, ==, (code_));                                             \
    g_assert_cmpuint (d_->line, ==, (line_));                                            \
    g_assert_cmpuint (d_->column, ==, (column_));                                        \
    g_assert_cmpstr (d_->message, ==, (message_));                                       \
  }                                                                                      \
  G_STMT_END

static void
test_small (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GListModel *categories = gls_glossary_get_categories (glossary);

  g_assert_cmpuint (gls_glossary_get_n_terms (glossary), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 3);
  g_assert_cmpstr (gls_glossary_get_title (glossary), ==, "Test Glossary");
  g_assert_cmpstr (gls_glossary_get_description (glossary), ==, "Terms for the tests.");
  g_assert_cmpstr (gls_glossary_get_version (glossary), ==, "1.0");
  g_assert_cmpstr (gls_glossary_get_license (glossary), ==, "CC-BY-SA-4.0");
  g_assert_cmpstr (gls_glossary_get_language (glossary), ==, "en");

  g_assert_finalize_object (g_steal_pointer (&glossary));
}

static void
test_definition_text (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GlsTerm *nps = gls_glossary_lookup (glossary, "net-promoter-score");

  /* The line breaks and indentation of the file become single spaces. */
  g_assert_cmpuint (gls_term_get_n_definitions (nps), ==, 1);
  g_assert_cmpstr (gls_term_get_definition (nps, 0), ==,
                   "A loyalty figure from one question: how likely a customer is to recommend "
                   "the company, on a scale of 0 to 10. Unlike CSAT, it looks at the "
                   "relationship rather than one interaction.");
}

static void
test_inline_reference (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GlsTerm *nps = gls_glossary_lookup (glossary, "net-promoter-score");
  GlsTerm *omnichannel = gls_glossary_lookup (glossary, "omnichannel");
  const char *definition = gls_term_get_definition (nps, 0);
  const GlsReference *references;
  guint n_references;
  g_autofree char *linked = NULL;

  references = gls_term_get_references (nps, 0, &n_references);
  g_assert_cmpuint (n_references, ==, 1);
  g_assert_cmpstr (references[0].term_id, ==, "customer-satisfaction-score");
  g_assert_cmpuint (references[0].start, ==, strstr (definition, "CSAT") - definition);
  g_assert_cmpuint (references[0].end, ==, references[0].start + strlen ("CSAT"));
  linked = g_strndup (definition + references[0].start, references[0].end - references[0].start);
  g_assert_cmpstr (linked, ==, "CSAT");

  /* A reference whose text follows a line break in the file. */
  definition = gls_term_get_definition (omnichannel, 0);
  references = gls_term_get_references (omnichannel, 0, &n_references);
  g_assert_cmpuint (n_references, ==, 1);
  g_assert_cmpstr (references[0].term_id, ==, "live-chat");
  g_assert_true (g_str_has_prefix (definition + references[0].start, "chat can go on"));
  g_assert_cmpuint (references[0].end - references[0].start, ==, strlen ("chat"));

  /* A definition without references has none. */
  g_assert_null (gls_term_get_references (gls_glossary_lookup (glossary, "agent"), 0,
                                          &n_references));
  g_assert_cmpuint (n_references, ==, 0);
}

/* Returns: the references of @term's definition @index as "text>id text>id" */
static char *
describe_references (GlsTerm *term,
                     guint    index)
{
  const char *definition = gls_term_get_definition (term, index);
  GString *text = g_string_new (NULL);
  const GlsReference *references;
  guint n_references;

  references = gls_term_get_references (term, index, &n_references);
  for (guint i = 0; i < n_references; i++)
    {
      g_assert_cmpuint (references[i].start, <, references[i].end);
      g_assert_cmpuint (references[i].end, <=, strlen (definition));
      if (i > 0)
        g_assert_cmpuint (references[i].start, >=, references[i - 1].end);
      g_string_append_printf (text, "%s%.*s>%s", i > 0 ? " " : "",
                              (int) (references[i].end - references[i].start),
                              definition + references[i].start, references[i].term_id);
    }
  return g_string_free (text, FALSE);
}

static void
test_reference_ranges (void)
{
  const char *xml =
    HEAD
    GOOD_TERM ("b")
    GOOD_TERM ("c")
    "  <term id='a'>\n"
    "    <name>A</name>\n"
    "    <definition>\n"
    "      <ref term='b'>Bee</ref> first, then Über <ref term='c'>Ça\n"
    "      va</ref><ref term='b'>B</ref>, and <ref term='gone'>gone</ref> <ref term='c'> C </ref>.\n"
    "    </definition>\n"
    "    <definition><ref term='lost'>Lost</ref> and <ref term='c'>last</ref></definition>\n"
    "  </term>\n"
    "</glossary>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = gls_test_load_string (xml, GLS_LOAD_FLAGS_NONE, NULL, &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GlsTerm *term;

  g_assert_no_error (error);
  term = gls_glossary_lookup (glossary, "a");

  /* Ranges count bytes of the text as shown, its white space collapsed, and
   * the links that lead nowhere are gone from among the others.
   */
  g_assert_cmpstr (gls_term_get_definition (term, 0), ==,
                   "Bee first, then Über Ça vaB, and gone C .");
  first = describe_references (term, 0);
  g_assert_cmpstr (first, ==, "Bee>b Ça va>c B>b C>c");
  g_assert_cmpstr (gls_term_get_definition (term, 1), ==, "Lost and last");
  second = describe_references (term, 1);
  g_assert_cmpstr (second, ==, "last>c");
}

static void
test_aliases_abbreviations (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GlsTerm *csat = gls_glossary_lookup (glossary, "customer-satisfaction-score");
  GlsTerm *omnichannel = gls_glossary_lookup (glossary, "omnichannel");
  GlsTerm *live_chat = gls_glossary_lookup (glossary, "live-chat");
  const char *csat_abbreviations[] = { "CSAT", NULL };
  const char *csat_aliases[] = { "Customer Satisfaction", NULL };
  const char *omnichannel_aliases[] = { "Omni-channel", NULL };
  const char *categories[] = { "metrics", NULL };
  const char *related[] = { "net-promoter-score", NULL };
  g_autofree char *heading = gls_term_dup_heading (csat);

  g_assert_cmpstrv (gls_term_get_abbreviations (csat), csat_abbreviations);
  g_assert_cmpstrv (gls_term_get_aliases (csat), csat_aliases);
  g_assert_cmpstrv (gls_term_get_category_ids (csat), categories);
  g_assert_cmpstrv (gls_term_get_related_ids (csat), related);
  g_assert_cmpstr (heading, ==, "Customer Satisfaction Score (CSAT)");

  g_assert_cmpstrv (gls_term_get_aliases (omnichannel), omnichannel_aliases);
  g_assert_null (gls_term_get_abbreviations (omnichannel)[0]);
  g_assert_null (gls_term_get_aliases (live_chat)[0]);
  g_assert_null (gls_term_get_abbreviations (live_chat)[0]);
}

static void
test_multiple_definitions (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GlsTerm *churn = gls_glossary_lookup (glossary, "churn-rate");
  g_autofree char *plain = gls_term_dup_plain_text (churn);
  guint n_references;

  g_assert_cmpuint (gls_term_get_n_definitions (churn), ==, 2);
  g_assert_cmpstr (gls_term_get_definition (churn, 0), ==,
                   "The share of customers lost over a period.");
  g_assert_cmpstr (gls_term_get_definition (churn, 1), ==,
                   "In subscriptions, the share of subscribers who cancel.");
  g_assert_null (gls_term_get_references (churn, 1, &n_references));
  g_assert_cmpstr (plain, ==,
                   "Churn Rate: 1. The share of customers lost over a period. 2. In "
                   "subscriptions, the share of subscribers who cancel.");
}

static void
test_minimal (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("minimal.xml");
  GlsTerm *term;

  g_assert_cmpstr (gls_glossary_get_title (glossary), ==, "Minimal Glossary");
  g_assert_null (gls_glossary_get_description (glossary));
  g_assert_null (gls_glossary_get_version (glossary));
  g_assert_null (gls_glossary_get_license (glossary));
  g_assert_null (gls_glossary_get_language (glossary));
  g_assert_cmpuint (g_list_model_get_n_items (gls_glossary_get_categories (glossary)), ==, 0);

  g_assert_cmpuint (gls_glossary_get_n_terms (glossary), ==, 1);
  term = gls_glossary_get_term (glossary, 0);
  g_assert_cmpstr (gls_term_get_id (term), ==, "only-term");
  g_assert_cmpstr (gls_term_get_name (term), ==, "Only Term");
  g_assert_null (gls_term_get_category_ids (term)[0]);
  g_assert_null (gls_term_get_related_ids (term)[0]);
}

static void
test_interleaved (void)
{
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *path = gls_test_data_path ("interleaved.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GListModel *categories;
  g_autoptr(GlsCategory) first_category = NULL;
  g_autoptr(GlsCategory) second_category = NULL;
  GlsTerm *first;
  GlsTerm *second;
  const GlsReference *references;
  guint n_references;
  const char *first_categories[] = { "later", NULL };
  const char *second_aliases[] = { "Deuxième", NULL };
  const char *second_related[] = { "first-term", NULL };

  glossary = gls_load_file (file, "interleaved.xml", GLS_LOAD_STRICT, &diagnostics, NULL, NULL,
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossary);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  /* Entities of XML itself are expanded; header parts that are absent stay NULL. */
  g_assert_cmpstr (gls_glossary_get_title (glossary), ==, "Interleaved & Annotated");
  g_assert_null (gls_glossary_get_description (glossary));
  g_assert_cmpstr (gls_glossary_get_language (glossary), ==, "fr");

  /* Categories keep the file's order, wherever they are declared. */
  categories = gls_glossary_get_categories (glossary);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 2);
  first_category = g_list_model_get_item (categories, 0);
  second_category = g_list_model_get_item (categories, 1);
  g_assert_cmpstr (gls_category_get_id (first_category), ==, "later");
  g_assert_cmpuint (gls_category_get_n_terms (first_category), ==, 1);
  g_assert_cmpstr (gls_category_get_id (second_category), ==, "unused");
  g_assert_cmpuint (gls_category_get_n_terms (second_category), ==, 0);

  /* Comments and processing instructions vanish from the text around them,
   * and a comment's markup makes no term.
   */
  g_assert_cmpuint (gls_glossary_get_n_terms (glossary), ==, 2);
  g_assert_null (gls_glossary_lookup (glossary, "not-a-term"));
  first = gls_glossary_lookup (glossary, "first-term");
  g_assert_cmpstr (gls_term_get_name (first), ==, "First Term");
  g_assert_cmpstrv (gls_term_get_category_ids (first), first_categories);
  g_assert_cmpstr (gls_term_get_definition (first, 0), ==,
                   "Uses a category declared after it; see the second.");
  references = gls_term_get_references (first, 0, &n_references);
  g_assert_cmpuint (n_references, ==, 1);
  g_assert_cmpstr (references[0].term_id, ==, "second-term");
  g_assert_cmpuint (references[0].start, ==, strlen ("Uses a category declared after it; see "));
  g_assert_cmpuint (references[0].end, ==, references[0].start + strlen ("the second"));

  /* CDATA is text, markup characters and all; the children of a term may
   * come in any order.
   */
  second = gls_glossary_lookup (glossary, "second-term");
  g_assert_cmpstr (gls_term_get_name (second), ==, "Second Term");
  g_assert_cmpstrv (gls_term_get_aliases (second), second_aliases);
  g_assert_cmpstrv (gls_term_get_related_ids (second), second_related);
  g_assert_cmpstr (gls_term_get_definition (second, 0), ==,
                   "Markup such as <b> & \"quotes\" is text here, and so is this.");
}

static void
test_character_references (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"
    "    <name>&#201;clair &lt;&amp;&gt; &#x2014; &quot;x&apos;</name>\n"
    "    <definition>A&#10;B\tC</definition>\n"
    "  </term>\n"
    "</glossary>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = gls_test_load_string (xml, GLS_LOAD_STRICT, NULL, &error);
  GlsTerm *term;

  g_assert_no_error (error);
  term = gls_glossary_lookup (glossary, "a");
  g_assert_cmpstr (gls_term_get_name (term), ==, "Éclair <&> — \"x'");
  /* A character reference to a line break is white space like any other. */
  g_assert_cmpstr (gls_term_get_definition (term, 0), ==, "A B C");
}

static void
test_utf16 (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"                  /* 1 */
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"         /* 2 */
    "  <title>Größe</title>\n"                                       /* 3 */
    "  <term id='a'>\n"                                              /* 4 */
    "    <name>Éclair</name>\n"                                      /* 5 */
    "    <definition>Fine.</definition>\n"                           /* 6 */
    "  </term>\n"                                                    /* 7 */
    "  <bogus/>\n"                                                   /* 8 */
    "</glossary>\n";
  g_autofree char *good_xml = NULL;
  g_autofree char *utf16 = NULL;
  gsize utf16_len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  GString *edited = g_string_new (xml);

  /* Without the stray element the file loads. */
  g_string_replace (edited, "  <bogus/>\n", "", 1);
  good_xml = g_string_free (edited, FALSE);
  utf16 = g_convert (good_xml, -1, "UTF-16", "UTF-8", NULL, &utf16_len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (utf16, utf16_len);
  glossary = gls_load_bytes (bytes, "test.xml", NULL, GLS_LOAD_STRICT, NULL, NULL, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_glossary_get_title (glossary), ==, "Größe");
  g_assert_cmpstr (gls_term_get_name (gls_glossary_lookup (glossary, "a")), ==, "Éclair");
  g_clear_object (&glossary);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&utf16, g_free);

  /* Problems name the line and the column in characters, as in UTF-8. */
  utf16 = g_convert (xml, -1, "UTF-16", "UTF-8", NULL, &utf16_len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (utf16, utf16_len);
  glossary = gls_load_bytes (bytes, "test.xml", NULL, GLS_LOAD_STRICT, &diagnostics, NULL, NULL,
                             NULL, &error);
  g_assert_null (glossary);
  g_assert_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "test.xml:8:3: unexpected element <bogus> in <glossary>");
  assert_diagnostic (diagnostics, 0, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 8, 3,
                     "unexpected element <bogus> in <glossary>");
}

static void
test_byte_order_mark (void)
{
  /* A byte order mark is no character of the first line. */
  const char *xml =
    "\xEF\xBB\xBF<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\"><title>T</title><x/>\n"
    "</glossary>\n";
  g_autofree char *expected =
    g_strdup_printf ("test.xml:1:%zu: unexpected element <x> in <glossary>",
                     strlen ("<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\"><title>T</title>") + 1);

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID, expected);
  assert_load_error (xml + 3, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID, expected);
}

static void
test_line_endings (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"
    "    <name>A</name>\n"
    "    <definition>D <b>bold</b></definition>\n"    /* 6 */
    "  </term>\n"
    "</glossary>\n";
  const char *replacements[] = { "\r\n", "\r" };

  /* Lines end with CR LF on Windows, with CR alone in old Mac files. */
  for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
    {
      g_autoptr(GString) converted = g_string_new (xml);

      g_string_replace (converted, "\n", replacements[i], 0);
      assert_load_error (converted->str, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                         "test.xml:6:19: unexpected element <b> in <definition>");
    }
}

static void
test_error_mismatched_tag (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"                        /* 4 */
    "    <name>A</nam>\n"                      /* 5 */
    "  </term>\n"
    "</glossary>\n";

  /* libxml2 points just past the end tag it did not expect. */
  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_WELL_FORMED,
                     "test.xml:5:18: Opening and ending tag mismatch: name line 5 and nam");
}

static void
test_error_truncated (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"                        /* 4 */
    "    <name>A</name>\n";                    /* 5, then the end: 6:1 */
  const char *cut_in_tag =
    HEAD
    "  <term id='a'>\n"                        /* 4 */
    "    <name>A</na";                         /* 5 */

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_WELL_FORMED,
                     "test.xml:6:1: the file ends before <term> is closed");
  assert_load_error (HEAD, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_WELL_FORMED,
                     "test.xml:4:1: the file ends before <glossary> is closed");
  assert_load_error (cut_in_tag, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_WELL_FORMED,
                     "test.xml:5:16: the file ends too early: expected '>'");
  assert_load_error ("", GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_WELL_FORMED,
                     "test.xml:1:1: the file is empty");
}

static void
test_error_wrong_root (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<!-- A web page, not a glossary. -->\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>\n";

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_GLOSSARY,
                     "test.xml:3:1: not a glossary file: the root element is <html>, not "
                     "<glossary>");
}

static void
test_error_namespace (void)
{
  const char *no_namespace =
    "<?xml version=\"1.0\"?>\n"
    "  <glossary version=\"1\"><title>T</title></glossary>\n";
  const char *wrong_namespace =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"https://cxglossary.github.io/ns/glossary/2\" version=\"1\">\n"
    "  <title>T</title>\n"
    "</glossary>\n";

  assert_load_error (no_namespace, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_GLOSSARY,
                     "test.xml:2:3: not a glossary file: <glossary> must be in the namespace "
                     "“" GLS_NAMESPACE "”");
  assert_load_error (wrong_namespace, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_GLOSSARY,
                     "test.xml:2:1: not a glossary file: <glossary> must be in the namespace "
                     "“" GLS_NAMESPACE "”");
}

static void
test_error_version (void)
{
  const char *unsupported =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"2\"><title>T</title></glossary>\n";
  const char *missing =
    "<?xml version=\"1.0\"?>\n"
    "\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\"><title>T</title></glossary>\n";

  assert_load_error (unsupported, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_GLOSSARY,
                     "test.xml:2:1: unsupported format version “2”: this program reads version 1");
  assert_load_error (missing, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:3:1: <glossary> has no “version” attribute");
}

static void
test_error_missing_name (void)
{
  const char *xml =
    HEAD
    GOOD_TERM ("first")                        /* 4 */
    "  <term id='nameless'>\n"                 /* 5 */
    "    <abbrev>NL</abbrev>\n"
    "    <definition>No name.</definition>\n"
    "  </term>\n"
    "</glossary>\n";

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:5:3: term “nameless” has no <name>");
}

static void
test_error_missing_definition (void)
{
  const char *xml =
    HEAD
    "\t<term id='undefined'><name>Undefined</name></term>\n"     /* 4 */
    "</glossary>\n";

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:4:2: term “undefined” has no <definition>");
}

static void
test_error_missing_title (void)
{
  const char *before_category =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"
    "  <category id='c'>C</category>\n"        /* 3 */
    "</glossary>\n";
  const char *empty_glossary =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"     /* 2 */
    "</glossary>\n";
  const char *after_description =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"
    "  <description>D</description>\n"         /* 3 */
    "</glossary>\n";
  const char *late_title =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"
    "  <title>T</title><license>L</license>\n"
    "  <title>Again</title>\n"                 /* 4 */
    "</glossary>\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  assert_load_error (before_category, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:3:3: missing <title>: it must be the first element in <glossary>");
  assert_load_error (empty_glossary, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:2:1: missing <title>");
  assert_load_error (late_title, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:4:3: more than one <title>");

  /* A header element without a title is out of place too. */
  glossary = gls_test_load_string (after_description, GLS_LOAD_FLAGS_NONE, &diagnostics, NULL);
  g_assert_null (glossary);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 2, 1,
                     "missing <title>");
  assert_diagnostic (diagnostics, 1, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 3, 3,
                     "<description> is out of place: the header is <title>, <description>, "
                     "<version> and <license>, in that order, before categories and terms");
}

static void
test_error_duplicate_term_id (void)
{
  const char *xml =
    HEAD
    GOOD_TERM ("twin")                         /* 4 */
    "  <category id='c'>C</category>\n"        /* 5 */
    "  <term id=' twin '><name>Other</name><definition>D</definition></term>\n"   /* 6 */
    "</glossary>\n";

  /* Ids are compared without surrounding white space. */
  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_DUPLICATE_ID,
                     "test.xml:6:3: duplicate term id “twin”");
}

static void
test_error_duplicate_category_id (void)
{
  const char *xml =
    HEAD
    "  <category id='c'>C</category>\n"                      /* 4 */
    "  <category id='d'>D</category> <category id='c'>E</category>\n"   /* 5 */
    "</glossary>\n";

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_DUPLICATE_ID,
                     "test.xml:5:33: duplicate category id “c”");
}

static void
test_error_unknown_category (void)
{
  const char *xml =
    HEAD
    "  <category id='known'>Known</category>\n"                               /* 4 */
    "  <term id='a'>\n"                                                       /* 5 */
    "    <name>A</name><category ref='known'/><category ref='unknown'/>\n"    /* 6 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";

  /* Never a mere warning: the category filter would lose the term. */
  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_UNKNOWN_CATEGORY,
                     "test.xml:6:42: unknown category “unknown”");
}

static void
test_error_missing_term_reference (void)
{
  const char *xml =
    HEAD
    GOOD_TERM ("b")                                                           /* 4 */
    "  <term id='a'>\n"                                                       /* 5 */
    "    <name>A</name>\n"                                                    /* 6 */
    "    <definition>Unlike <ref term='b'>B</ref>, not <ref term='gone'>gone</ref>.</definition>\n"
    "  </term>\n"
    "</glossary>\n";

  assert_load_error (xml, GLS_LOAD_STRICT, GLS_LOAD_ERROR_MISSING_TERM,
                     "test.xml:7:51: reference to a missing term “gone”");
}

static void
test_error_missing_term_related (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"                                                       /* 4 */
    "    <name>A</name>\n"
    "    <related term='nowhere'/>\n"                                         /* 6 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";

  assert_load_error (xml, GLS_LOAD_STRICT, GLS_LOAD_ERROR_MISSING_TERM,
                     "test.xml:6:5: reference to a missing term “nowhere”");
}

/* Where a reference the file's end shows missing is, whatever ends its
 * lines: LF, CR LF or a CR alone, with characters of several bytes before it.
 */
static void
test_error_reference_positions (void)
{
  const char *lines[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">",
    "  <title>Ünïcödé — T</title>",
    "  <term id='a'><name>Ä</name>",
    "    <definition>Çà et là, “<ref term='gone'>gone</ref>”.</definition>",   /* 5:28 */
    "  </term>",
    "  <term id='b'><name>B</name><related term='also-gone'/>",                /* 7:30 */
    "    <definition>Fine.</definition></term>",
    "</glossary>",
    NULL,
  };
  const char *line_ends[] = { "\n", "\r\n", "\r" };

  for (guint i = 0; i < G_N_ELEMENTS (line_ends); i++)
    {
      g_autofree char *xml = g_strjoinv (line_ends[i], (char **) lines);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsGlossary) glossary = gls_test_load_string (xml, GLS_LOAD_STRICT, &diagnostics,
                                                              &error);
      GlsDiagnostic *first;
      GlsDiagnostic *second;

      g_assert_null (glossary);
      g_assert_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_MISSING_TERM);
      g_assert_cmpuint (diagnostics->len, ==, 2);
      first = g_ptr_array_index (diagnostics, 0);
      second = g_ptr_array_index (diagnostics, 1);
      g_assert_cmpuint (first->line, ==, 5);
      g_assert_cmpuint (first->column, ==, 28);
      g_assert_cmpuint (second->line, ==, 7);
      g_assert_cmpuint (second->column, ==, 30);
    }
}

/* Thousands of references, their places counted in batches: the missing
 * ones are placed right at the start of the file, and far past its first
 * few thousand references.
 */
static void
test_error_many_reference_positions (void)
{
  const guint n_terms = 3000;
  const guint missing[] = { 1, 2998 };
  g_autoptr(GString) xml = g_string_new (HEAD);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  guint expected_column[G_N_ELEMENTS (missing)];

  for (guint i = 0; i < n_terms; i++)
    {
      gsize line_start = xml->len;
      gboolean is_missing = i == missing[0] || i == missing[1];

      g_string_append_printf (xml, "  <term id='t%u'><name>Ñâmé %u</name>"
                                   "<definition>Dé “", i, i);
      if (is_missing)
        expected_column[i == missing[0] ? 0 : 1] =
          g_utf8_strlen (xml->str + line_start, xml->len - line_start) + 1;
      g_string_append_printf (xml, "<ref term='%s%u'>x</ref>”.</definition>"
                                   "<related term='t%u'/><related term='t%u'/></term>\n",
                              is_missing ? "gone" : "t", (i + 7) % n_terms,
                              (i + 1) % n_terms, (i + 2) % n_terms);
    }
  g_string_append (xml, "</glossary>\n");

  glossary = gls_test_load_string (xml->str, GLS_LOAD_FLAGS_NONE, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossary);
  g_assert_cmpuint (gls_glossary_get_n_terms (glossary), ==, n_terms);
  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (missing));
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autofree char *message = g_strdup_printf ("reference to a missing term “gone%u”",
                                                  (missing[i] + 7) % n_terms);

      assert_diagnostic (diagnostics, i, GLS_SEVERITY_WARNING, GLS_LOAD_ERROR_MISSING_TERM,
                         4 + missing[i], expected_column[i], message);
    }
}

static void
test_error_empty_name (void)
{
  const char *blank =
    HEAD
    "  <term id='a'>\n"                        /* 4 */
    "    <name>\n"                             /* 5 */
    "    </name>\n"
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";
  const char *empty_element =
    HEAD
    "  <term id='a'>\n"                        /* 4 */
    "    <definition>D</definition><name/>\n"  /* 5 */
    "  </term>\n"
    "</glossary>\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  /* Reported where the element starts, and once: the term has a name, an
   * empty one.
   */
  assert_load_error (blank, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:5:5: <name> is empty");
  assert_load_error (empty_element, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:5:31: <name> is empty");

  glossary = gls_test_load_string (blank, GLS_LOAD_FLAGS_NONE, &diagnostics, NULL);
  g_assert_null (glossary);
  g_assert_cmpuint (diagnostics->len, ==, 1);
}

static void
test_error_empty_parts (void)
{
  const char *empty_definition =
    HEAD
    "  <term id='a'>\n"                                    /* 4 */
    "    <name>A</name>\n"
    "    <definition>First.</definition>\n"
    "    <definition> <!-- nothing --> </definition>\n"    /* 7 */
    "  </term>\n"
    "</glossary>\n";
  const char *empty_reference =
    HEAD
    GOOD_TERM ("b")
    "  <term id='a'>\n"                                    /* 5 */
    "    <name>A</name>\n"
    "    <definition>See <ref term='b'>\n"                 /* 7 */
    "    </ref>.</definition>\n"
    "  </term>\n"
    "</glossary>\n";
  const char *empty_title =
    "<?xml version=\"1.0\"?>\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"
    "  <title></title>\n"                                  /* 3 */
    "</glossary>\n";

  assert_load_error (empty_definition, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:7:5: <definition> is empty");
  assert_load_error (empty_reference, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:7:21: <ref> is empty");
  assert_load_error (empty_title, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:3:3: <title> is empty");
}

static void
test_error_more_than_one_name (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"                        /* 4 */
    "    <name>A</name>\n"
    "    <name>B</name>\n"                     /* 6 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:6:5: more than one <name> in term “a”");
}

static void
test_error_unexpected_element (void)
{
  const char *in_term =
    HEAD
    "  <term id='a'>\n"                                    /* 4 */
    "    <name>A</name>\n"
    "    <example>Not part of the format.</example>\n"     /* 6 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";
  const char *in_glossary =
    HEAD
    GOOD_TERM ("a")
    "  <glossary/>\n"                                      /* 5 */
    "</glossary>\n";
  const char *in_definition =
    HEAD
    "  <term id='a'>\n"
    "    <name>A</name>\n"
    "    <definition>Some <b>bold</b> text.</definition>\n"  /* 6 */
    "  </term>\n"
    "</glossary>\n";
  const char *in_name =
    HEAD
    "  <term id='a'>\n"
    "    <name>A <em>B</em></name>\n"                      /* 5 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";
  const char *in_related =
    HEAD
    GOOD_TERM ("b")
    "  <term id='a'><name>A</name><definition>D</definition>\n"   /* 5 */
    "    <related term='b'><related term='b'/></related>\n"      /* 6 */
    "  </term>\n"
    "</glossary>\n";
  const char *foreign =
    HEAD
    "  <term id='a' xmlns:x='urn:example'>\n"
    "    <name>A</name>\n"
    "    <x:name>Elsewhere</x:name>\n"                     /* 6 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";

  assert_load_error (in_term, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:6:5: unexpected element <example> in <term>");
  assert_load_error (in_glossary, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:5:3: unexpected element <glossary> in <glossary>");
  assert_load_error (in_definition, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:6:22: unexpected element <b> in <definition>");
  assert_load_error (in_name, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:5:13: unexpected element <em> in <name>");
  assert_load_error (in_related, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:6:23: unexpected element <related> in <related>");
  assert_load_error (foreign, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:6:5: unexpected element <x:name> in <term>");
}

static void
test_error_unexpected_text (void)
{
  const char *in_term =
    HEAD
    "  <term id='a'>\n"
    "    <name>A</name> stray words\n"         /* 5 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";
  const char *in_glossary =
    HEAD
    GOOD_TERM ("a")
    "\n"
    "     loose text\n"                        /* 6 */
    "</glossary>\n";
  const char *in_related =
    HEAD
    GOOD_TERM ("b")
    "  <term id='a'><name>A</name><definition>D</definition>\n"
    "    <related term='b'>B</related>\n"      /* 6 */
    "  </term>\n"
    "</glossary>\n";
  const char *after_comment =
    HEAD
    "  <term id='a'><!-- a <comment> --> <?pi <pi>?>\n"      /* 4 */
    "    stray<name>A</name><definition>D</definition>\n"     /* 5 */
    "  </term>\n"
    "</glossary>\n";

  assert_load_error (in_term, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:5:20: unexpected text “stray words” in <term>");
  assert_load_error (in_glossary, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:6:6: unexpected text “loose text” in <glossary>");
  assert_load_error (in_related, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:6:23: unexpected text “B” in <related>");
  assert_load_error (after_comment, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:5:5: unexpected text “stray” in <term>");
}

static void
test_error_attributes (void)
{
  const char *unexpected =
    HEAD
    "  <term id='a' kind='b'><name>A</name><definition>D</definition></term>\n"    /* 4 */
    "</glossary>\n";
  const char *missing =
    HEAD
    "  <term><name>A</name><definition>D</definition></term>\n"                    /* 4 */
    "</glossary>\n";
  const char *invalid =
    HEAD
    "  <category id='a b'>AB</category>\n"                                         /* 4 */
    "</glossary>\n";

  assert_load_error (unexpected, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:4:3: unexpected attribute “kind” on <term>");
  assert_load_error (missing, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:4:3: <term> has no “id” attribute");
  assert_load_error (invalid, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_INVALID,
                     "test.xml:4:3: “a b” is not a valid id: use letters, digits, “_”, “.” and “-”");
}

static void
test_error_doctype (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<!-- A comment. -->\n"
    "<!DOCTYPE glossary [\n"                   /* 3 */
    "  <!ENTITY lol \"lol\">\n"
    "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "]>\n"
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\"><title>&lol2;</title></glossary>\n";
  const char *external =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE glossary SYSTEM \"file:///etc/passwd\">\n"   /* 2 */
    "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\"><title>T</title></glossary>\n";

  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_FORBIDDEN,
                     "test.xml:3:1: a DOCTYPE declaration is not allowed in a glossary file");
  assert_load_error (external, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_FORBIDDEN,
                     "test.xml:2:1: a DOCTYPE declaration is not allowed in a glossary file");
}

static void
test_error_entity_reference (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"
    "    <name>A &nbsp; B</name>\n"            /* 5 */
    "    <definition>D</definition>\n"
    "  </term>\n"
    "</glossary>\n";

  /* Only XML's own five entities exist without a DOCTYPE, and a DOCTYPE is
   * refused; libxml2 points past the reference.
   */
  assert_load_error (xml, GLS_LOAD_FLAGS_NONE, GLS_LOAD_ERROR_NOT_WELL_FORMED,
                     "test.xml:5:19: Entity 'nbsp' not defined");
}

static void
test_error_position_after_markup (void)
{
  const char *xml =
    HEAD
    "  <!-- <term id='commented'> -->\n"                                   /* 4 */
    "  <?pi <term?>\n"                                                     /* 5 */
    "  <term id='a'><name>A</name>\n"                                      /* 6 */
    "    <definition><![CDATA[<b>]]> &amp; &gt; <ref term='a'>x</ref></definition>\n"
    "    <bogus attr='>'/><other/>\n"                                      /* 8 */
    "  </term>\n"
    "</glossary>\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  /* Markup inside comments, instructions, CDATA and attribute values does not
   * lead the positions astray.
   */
  glossary = gls_test_load_string (xml, GLS_LOAD_FLAGS_NONE, &diagnostics, NULL);
  g_assert_null (glossary);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 8, 5,
                     "unexpected element <bogus> in <term>");
  assert_diagnostic (diagnostics, 1, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 8, 22,
                     "unexpected element <other> in <term>");
}

static void
test_error_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD "  <term id='a'><name>A</name>\n  ");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  /* Deeper than anything the format nests, inside an element that does not
   * belong: one problem, and the rest of the file read as it is.
   */
  for (guint i = 0; i < 40; i++)
    g_string_append (xml, "<x>");
  for (guint i = 0; i < 40; i++)
    g_string_append (xml, "</x>");
  g_string_append (xml, "\n    <definition>D</definition></term>\n" GOOD_TERM ("b") "</glossary>\n");

  glossary = gls_test_load_string (xml->str, GLS_LOAD_FLAGS_NONE, &diagnostics, NULL);
  g_assert_null (glossary);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, 0, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 5, 3,
                     "unexpected element <x> in <term>");
}

/* A dangling reference, a term related to itself and a dangling related id. */
static const char *dangling_xml =
  HEAD
  "  <term id='a'>\n"                                                             /* 4 */
  "    <name>Alpha</name>\n"
  "    <definition>See <ref term='gone'>the gone term</ref> and <ref term='b'>Beta</ref>.</definition>\n"
  "    <related term='a'/>\n"                                                     /* 7 */
  "    <related term='b'/>\n"
  "    <related term='missing'/>\n"                                               /* 9 */
  "  </term>\n"
  "  <term id='b'>\n"
  "    <name>Beta</name>\n"
  "    <definition>Plain.</definition>\n"
  "  </term>\n"
  "</glossary>\n";

static void
test_non_strict (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GPtrArray) backlinks = NULL;
  const char *related[] = { "b", NULL };
  const GlsReference *references;
  guint n_references;
  GlsTerm *alpha;

  glossary = gls_test_load_string (dangling_xml, GLS_LOAD_FLAGS_NONE, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossary);

  g_assert_cmpuint (diagnostics->len, ==, 3);
  assert_diagnostic (diagnostics, 0, GLS_SEVERITY_WARNING, GLS_LOAD_ERROR_MISSING_TERM, 6, 21,
                     "reference to a missing term “gone”");
  assert_diagnostic (diagnostics, 1, GLS_SEVERITY_WARNING, GLS_LOAD_ERROR_MISSING_TERM, 7, 5,
                     "term “a” is related to itself");
  assert_diagnostic (diagnostics, 2, GLS_SEVERITY_WARNING, GLS_LOAD_ERROR_MISSING_TERM, 9, 5,
                     "reference to a missing term “missing”");

  /* The links that lead nowhere are dropped; their text stays. */
  alpha = gls_glossary_lookup (glossary, "a");
  g_assert_cmpstrv (gls_term_get_related_ids (alpha), related);
  g_assert_cmpstr (gls_term_get_definition (alpha, 0), ==, "See the gone term and Beta.");
  references = gls_term_get_references (alpha, 0, &n_references);
  g_assert_cmpuint (n_references, ==, 1);
  g_assert_cmpstr (references[0].term_id, ==, "b");
  g_assert_cmpuint (references[0].start, ==, strlen ("See the gone term and "));
  g_assert_cmpuint (references[0].end, ==, strlen ("See the gone term and Beta"));

  backlinks = gls_glossary_dup_backlinks (glossary, gls_glossary_lookup (glossary, "b"));
  g_assert_cmpuint (backlinks->len, ==, 1);
  g_assert_true (g_ptr_array_index (backlinks, 0) == alpha);
}

static void
test_strict (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  glossary = gls_test_load_string (dangling_xml, GLS_LOAD_STRICT, &diagnostics, &error);
  g_assert_null (glossary);
  g_assert_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_MISSING_TERM);
  g_assert_cmpstr (error->message, ==, "test.xml:6:21: reference to a missing term “gone”");

  g_assert_cmpuint (diagnostics->len, ==, 3);
  assert_diagnostic (diagnostics, 0, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_MISSING_TERM, 6, 21,
                     "reference to a missing term “gone”");
  assert_diagnostic (diagnostics, 1, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_MISSING_TERM, 7, 5,
                     "term “a” is related to itself");
  assert_diagnostic (diagnostics, 2, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_MISSING_TERM, 9, 5,
                     "reference to a missing term “missing”");
}

static void
test_diagnostics_order (void)
{
  const char *xml =
    HEAD
    "  <term id='a'>\n"                                    /* 4 */
    "    <definition>D</definition>\n"
    "    <bogus/>\n"                                       /* 6 */
    "  </term>\n"
    "  <term id='b'>\n"                                    /* 8 */
    "    <name>B</name>\n"
    "  </term> stray\n"                                    /* 10 */
    "</glossary>\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  /* A term's missing parts are noticed at its end, but listed at its start,
   * in the order of the file; the error is the first of them.
   */
  glossary = gls_test_load_string (xml, GLS_LOAD_FLAGS_NONE, &diagnostics, &error);
  g_assert_null (glossary);
  g_assert_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "test.xml:4:3: term “a” has no <name>");

  g_assert_cmpuint (diagnostics->len, ==, 4);
  assert_diagnostic (diagnostics, 0, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 4, 3,
                     "term “a” has no <name>");
  assert_diagnostic (diagnostics, 1, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 6, 5,
                     "unexpected element <bogus> in <term>");
  assert_diagnostic (diagnostics, 2, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 8, 3,
                     "term “b” has no <definition>");
  assert_diagnostic (diagnostics, 3, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 10, 11,
                     "unexpected text “stray” in <glossary>");
}

static void
test_too_many_problems (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append (xml, "  <bogus/>\n");
  g_string_append (xml, "</glossary>\n");

  /* The first hundred are listed, in order, and then how many more there are. */
  glossary = gls_test_load_string (xml->str, GLS_LOAD_FLAGS_NONE, &diagnostics, &error);
  g_assert_null (glossary);
  g_assert_cmpstr (error->message, ==, "test.xml:4:3: unexpected element <bogus> in <glossary>");
  g_assert_cmpuint (diagnostics->len, ==, 101);
  for (guint i = 0; i < 100; i++)
    assert_diagnostic (diagnostics, i, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 4 + i, 3,
                       "unexpected element <bogus> in <glossary>");
  assert_diagnostic (diagnostics, 100, GLS_SEVERITY_WARNING, GLS_LOAD_ERROR_INVALID, 0, 0,
                     "50 more problems not listed");
}

typedef struct
{
  guint64       last_done;
  guint64       total;
  guint         n_calls;
  GCancellable *cancel;
} Progress;

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->last_done = done;
  progress->total = total;
  progress->n_calls++;
  if (progress->cancel != NULL)
    g_cancellable_cancel (progress->cancel);
}

/* A file of a few megabytes, which a loader reports progress on. */
static GBytes *
large_file (void)
{
  GString *xml = g_string_new (HEAD);

  for (guint i = 0; xml->len < 3 * 1024 * 1024; i++)
    g_string_append_printf (xml, "  <term id='t%u'><name>Term %u</name>"
                                 "<definition>Definition number %u.</definition></term>\n",
                            i, i, i);
  g_string_append (xml, "</glossary>\n");
  return g_string_free_to_bytes (xml);
}

static void
test_progress (void)
{
  g_autoptr(GBytes) bytes = large_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0 };

  glossary = gls_load_bytes (bytes, "large.xml", NULL, GLS_LOAD_FLAGS_NONE, NULL, on_progress_cb,
                             &progress, cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossary);
  g_assert_cmpuint (progress.n_calls, >=, 2);
  g_assert_cmpuint (progress.total, ==, g_bytes_get_size (bytes));
}

static void
test_cancel (void)
{
  g_autoptr(GBytes) bytes = large_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0 };

  /* Cancelled at the first report of progress: the load stops there. */
  progress.cancel = cancellable;
  glossary = gls_load_bytes (bytes, "large.xml", NULL, GLS_LOAD_FLAGS_NONE, &diagnostics,
                             on_progress_cb, &progress, cancellable, &error);
  g_assert_null (glossary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.n_calls, ==, 1);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_diagnostic_format (void)
{
  GlsDiagnostic error = { GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_INVALID, 12, 7, (char *) "oops" };
  GlsDiagnostic warning = { GLS_SEVERITY_WARNING, GLS_LOAD_ERROR_MISSING_TERM, 3, 0,
                            (char *) "hmm" };
  GlsDiagnostic nowhere = { GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_TOO_LARGE, 0, 0, (char *) "big" };
  g_autofree char *with_severity = gls_diagnostic_format (&error, "dir/file.xml", TRUE);
  g_autofree char *without_severity = gls_diagnostic_format (&error, "dir/file.xml", FALSE);
  g_autofree char *line_only = gls_diagnostic_format (&warning, "f.xml", TRUE);
  g_autofree char *no_position = gls_diagnostic_format (&nowhere, "f.xml", TRUE);

  g_assert_cmpstr (with_severity, ==, "dir/file.xml:12:7: error: oops");
  g_assert_cmpstr (without_severity, ==, "dir/file.xml:12:7: oops");
  g_assert_cmpstr (line_only, ==, "f.xml:3: warning: hmm");
  g_assert_cmpstr (no_position, ==, "f.xml: error: big");
}

/* Writes @contents to a file called @name in a new temporary directory. */
static char *
write_temp_file (const char *name,
                 const char *contents,
                 gssize      length)
{
  g_autofree char *directory = g_dir_make_tmp ("gls-test-XXXXXX", NULL);
  char *path;

  g_assert_nonnull (directory);
  path = g_build_filename (directory, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* Removes a file that write_temp_file() wrote, and its directory. */
static void
remove_temp_file (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

static void
test_load_file_display_name (void)
{
  g_autofree char *path = write_temp_file ("bad.xml", HEAD "<bogus/></glossary>\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autofree char *expected = NULL;

  /* Without a display name, messages name the file by its path. */
  glossary = gls_load_file (file, NULL, GLS_LOAD_FLAGS_NONE, NULL, NULL, NULL, NULL, &error);
  g_assert_null (glossary);
  expected = g_strdup_printf ("%s:4:1: unexpected element <bogus> in <glossary>", path);
  g_assert_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);

  remove_temp_file (path);
}

static void
test_missing_file (void)
{
  g_autofree char *path = gls_test_data_path ("no-such-file.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  glossary = gls_load_file (file, "no-such-file.xml", GLS_LOAD_FLAGS_NONE, &diagnostics, NULL,
                            NULL, NULL, &error);
  g_assert_null (glossary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (diagnostics);
}

static void
test_not_regular_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = gls_read_file (directory, GLS_LOAD_MAX_SIZE, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

static void
test_too_large (void)
{
  g_autofree char *contents = g_strnfill (1000, 'x');
  g_autofree char *path = write_temp_file ("large.xml", contents, 1000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* At the limit the file is read. */
  bytes = gls_read_file (file, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 1000);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Past it the file is refused on its size: a file that cannot be read
   * shows that it was not read (unless the tests run as root, who can read
   * anything).
   */
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  bytes = gls_read_file (file, 999, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than the limit of 999 bytes"));

  remove_temp_file (path);
}

/* Terms are listed by their folded names (the tests run in C.UTF-8, which
 * collates by code point); names that fold alike, by the names themselves,
 * and then by id.  Two of the names share their first 8 bytes, so that the
 * rest of them decides.
 */
static void
test_term_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autofree char *names = NULL;
  const char *ids[] = { "effort", "equity", "rest", "upper", "a", "z", "accented" };

  glossary = gls_test_load_string (HEAD
    "  <term id='z'><name>Resume</name><definition>One.</definition></term>\n"
    "  <term id='accented'><name>Résumé</name><definition>Two.</definition></term>\n"
    "  <term id='equity'><name>Customer Equity</name><definition>Three.</definition></term>\n"
    "  <term id='rest'><name>Rest</name><definition>Four.</definition></term>\n"
    "  <term id='upper'><name>RESUME</name><definition>Five.</definition></term>\n"
    "  <term id='a'><name>Resume</name><definition>Six.</definition></term>\n"
    "  <term id='effort'><name>Customer Effort</name><definition>Seven.</definition></term>\n"
    "</glossary>\n", GLS_LOAD_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  names = gls_test_names (G_LIST_MODEL (glossary));
  g_assert_cmpstr (names, ==,
                   "Customer Effort, Customer Equity, Rest, RESUME, Resume, Resume, Résumé");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GlsTerm) term = g_list_model_get_item (G_LIST_MODEL (glossary), i);

      g_assert_cmpstr (gls_term_get_id (term), ==, ids[i]);
    }
}

/* A large file is read in two halves at once: every byte lands in its
 * place, whatever the half it is in.
 */
static void
test_read_large (void)
{
  gsize size = 16 * 1024 * 1024 + 3;
  g_autofree char *contents = g_malloc (size);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* No two 4 KiB blocks alike, so that a block out of place shows. */
  for (gsize i = 0; i < size; i++)
    contents[i] = (char) (i * 131 + i / 4096);
  path = write_temp_file ("large.xml", contents, size);
  file = g_file_new_for_path (path);

  bytes = gls_read_file (file, GLS_LOAD_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, size);

  remove_temp_file (path);
}

/* The bundled glossary loaded ahead of time is the one a later load gives,
 * once; a preload nobody takes can be dropped.
 */
static void
test_preload_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) direct = gls_load_bundled (&error);
  g_autoptr(GlsGlossary) preloaded = NULL;
  g_autoptr(GlsGlossary) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (gls_glossary_get_n_terms (direct), >, 100);

  gls_preload_bundled ();
  gls_preload_bundled ();
  preloaded = gls_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_true (preloaded != direct);
  g_assert_cmpuint (gls_glossary_get_n_terms (preloaded), ==, gls_glossary_get_n_terms (direct));
  g_assert_cmpstr (gls_glossary_get_title (preloaded), ==, gls_glossary_get_title (direct));

  /* Taken once: the next load is a load of its own. */
  again = gls_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_true (again != preloaded);
  g_assert_cmpuint (gls_glossary_get_n_terms (again), ==, gls_glossary_get_n_terms (direct));

  /* Dropping waits for it and frees it (valgrind checks the freeing); with
   * nothing under way it does nothing.
   */
  gls_preload_bundled ();
  gls_preload_drop ();
  gls_preload_drop ();
  g_clear_object (&again);
  again = gls_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (gls_glossary_get_n_terms (again), ==, gls_glossary_get_n_terms (direct));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gls_loader_init ();

  g_test_add_func ("/gls/loader/small", test_small);
  g_test_add_func ("/gls/loader/definition-text", test_definition_text);
  g_test_add_func ("/gls/loader/inline-reference", test_inline_reference);
  g_test_add_func ("/gls/loader/reference-ranges", test_reference_ranges);
  g_test_add_func ("/gls/loader/aliases-abbreviations", test_aliases_abbreviations);
  g_test_add_func ("/gls/loader/multiple-definitions", test_multiple_definitions);
  g_test_add_func ("/gls/loader/minimal", test_minimal);
  g_test_add_func ("/gls/loader/interleaved", test_interleaved);
  g_test_add_func ("/gls/loader/character-references", test_character_references);
  g_test_add_func ("/gls/loader/utf16", test_utf16);
  g_test_add_func ("/gls/loader/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/gls/loader/line-endings", test_line_endings);
  g_test_add_func ("/gls/loader/error/mismatched-tag", test_error_mismatched_tag);
  g_test_add_func ("/gls/loader/error/truncated", test_error_truncated);
  g_test_add_func ("/gls/loader/error/wrong-root", test_error_wrong_root);
  g_test_add_func ("/gls/loader/error/namespace", test_error_namespace);
  g_test_add_func ("/gls/loader/error/version", test_error_version);
  g_test_add_func ("/gls/loader/error/missing-name", test_error_missing_name);
  g_test_add_func ("/gls/loader/error/missing-definition", test_error_missing_definition);
  g_test_add_func ("/gls/loader/error/missing-title", test_error_missing_title);
  g_test_add_func ("/gls/loader/error/duplicate-term-id", test_error_duplicate_term_id);
  g_test_add_func ("/gls/loader/error/duplicate-category-id", test_error_duplicate_category_id);
  g_test_add_func ("/gls/loader/error/unknown-category", test_error_unknown_category);
  g_test_add_func ("/gls/loader/error/missing-term-reference", test_error_missing_term_reference);
  g_test_add_func ("/gls/loader/error/missing-term-related", test_error_missing_term_related);
  g_test_add_func ("/gls/loader/error/reference-positions", test_error_reference_positions);
  g_test_add_func ("/gls/loader/error/many-reference-positions",
                   test_error_many_reference_positions);
  g_test_add_func ("/gls/loader/error/empty-name", test_error_empty_name);
  g_test_add_func ("/gls/loader/error/empty-parts", test_error_empty_parts);
  g_test_add_func ("/gls/loader/error/more-than-one-name", test_error_more_than_one_name);
  g_test_add_func ("/gls/loader/error/unexpected-element", test_error_unexpected_element);
  g_test_add_func ("/gls/loader/error/unexpected-text", test_error_unexpected_text);
  g_test_add_func ("/gls/loader/error/attributes", test_error_attributes);
  g_test_add_func ("/gls/loader/error/doctype", test_error_doctype);
  g_test_add_func ("/gls/loader/error/entity-reference", test_error_entity_reference);
  g_test_add_func ("/gls/loader/error/position-after-markup", test_error_position_after_markup);
  g_test_add_func ("/gls/loader/error/deep-nesting", test_error_deep_nesting);
  g_test_add_func ("/gls/loader/non-strict", test_non_strict);
  g_test_add_func ("/gls/loader/strict", test_strict);
  g_test_add_func ("/gls/loader/diagnostics-order", test_diagnostics_order);
  g_test_add_func ("/gls/loader/preload-bundled", test_preload_bundled);
  g_test_add_func ("/gls/loader/too-many-problems", test_too_many_problems);
  g_test_add_func ("/gls/loader/progress", test_progress);
  g_test_add_func ("/gls/loader/cancel", test_cancel);
  g_test_add_func ("/gls/loader/diagnostic-format", test_diagnostic_format);
  g_test_add_func ("/gls/loader/load-file-display-name", test_load_file_display_name);
  g_test_add_func ("/gls/loader/missing-file", test_missing_file);
  g_test_add_func ("/gls/loader/not-regular-file", test_not_regular_file);
  g_test_add_func ("/gls/loader/too-large", test_too_large);
  g_test_add_func ("/gls/loader/read-large", test_read_large);
  g_test_add_func ("/gls/loader/term-order", test_term_order);

  return g_test_run ();
}
