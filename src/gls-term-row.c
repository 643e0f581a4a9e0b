/* gls-term-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the results list: the name with the matched part highlighted,
 * the abbreviations, and a line of the definition.
 *
 * Unlike the other widgets, rows are put together in code: a search on a
 * large glossary replaces every visible row, and building a row from a
 * template costs more than a millisecond where this costs a few microseconds.
 */
#include "config.h"

#include "gls-search.h"
#include "gls-term-row.h"

#define SNIPPET_CHARS 60

/* The name is bold already: what matched stands out on a tint instead. */
#define NAME_MATCH     "<span background=\"#3584e4\" bgalpha=\"30%\">"
#define NAME_MATCH_END "</span>"

struct _GlsTermRow
{
  GtkWidget  parent_instance;

  GtkLabel  *label;

  GlsTerm   *term;
  char      *query;
};

G_DEFINE_FINAL_TYPE (GlsTermRow, gls_term_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TERM,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Escapes @text for Pango markup, wrapping the @ranges in @open and @close. */
static char *
highlight_markup (const char *text,
                  GArray     *ranges,
                  const char *open,
                  const char *close)
{
  GString *markup = g_string_new (NULL);
  guint cursor = 0;

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const GlsRange *range = &g_array_index (ranges, GlsRange, i);
      g_autofree char *before = g_markup_escape_text (text + cursor, range->start - cursor);
      g_autofree char *match = g_markup_escape_text (text + range->start,
                                                     range->end - range->start);

      g_string_append_printf (markup, "%s%s%s%s", before, open, match, close);
      cursor = range->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + cursor, -1);

    g_string_append (markup, rest);
  }
  return g_string_free (markup, FALSE);
}

/*
 * One label holds the whole row, a line for the name and abbreviations and
 * one for the snippet: a search replaces every visible row, and each widget
 * a row has more is one more to style, lay out and tell screen readers about.
 */
static void
update (GlsTermRow *self)
{
  const char *query = self->query ? self->query : "";
  g_autoptr(GArray) name_ranges = NULL;
  g_autoptr(GArray) snippet_ranges = NULL;
  g_autofree char *name_markup = NULL;
  g_autofree char *abbreviations = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *snippet_markup = NULL;
  g_autoptr(GString) markup = NULL;
  const char *name;

  if (self->term == NULL)
    {
      gtk_label_set_text (self->label, "");
      return;
    }

  name = gls_term_get_name (self->term);
  name_ranges = *query ? gls_search_match_name (query, name) : NULL;
  name_markup = highlight_markup (name, name_ranges, NAME_MATCH, NAME_MATCH_END);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<span weight=\"600\">%s</span>", name_markup);

  abbreviations = g_strjoinv (", ", (char **) gls_term_get_abbreviations (self->term));
  if (*abbreviations != '\0')
    {
      g_autoptr(GArray) ranges = *query ? gls_search_match_name (query, abbreviations) : NULL;
      g_autofree char *abbreviations_markup = highlight_markup (abbreviations, ranges, NAME_MATCH,
                                                                NAME_MATCH_END);

      g_string_append_printf (markup, "  <span alpha=\"60%%\">%s</span>", abbreviations_markup);
    }

  snippet = gls_search_snippet (query, gls_term_get_definition (self->term, 0), SNIPPET_CHARS,
                                &snippet_ranges);
  snippet_markup = highlight_markup (snippet, snippet_ranges, "<b>", "</b>");
  g_string_append_printf (markup, "\n<span size=\"small\" alpha=\"60%%\">%s</span>",
                          snippet_markup);
  gtk_label_set_markup (self->label, markup->str);

  /* Screen readers read the row as the term's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
gls_term_row_dispose (GObject *object)
{
  GlsTermRow *self = (GlsTermRow *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->term);

  G_OBJECT_CLASS (gls_term_row_parent_class)->dispose (object);
}

static void
gls_term_row_finalize (GObject *object)
{
  GlsTermRow *self = (GlsTermRow *) object;

  g_free (self->query);

  G_OBJECT_CLASS (gls_term_row_parent_class)->finalize (object);
}

static void
gls_term_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlsTermRow *self = GLS_TERM_ROW (object);

  switch (prop_id)
    {
    case PROP_TERM:
      g_value_set_object (value, self->term);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_term_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlsTermRow *self = GLS_TERM_ROW (object);

  switch (prop_id)
    {
    case PROP_TERM:
      gls_term_row_set_term (self, g_value_get_object (value));
      break;

    case PROP_QUERY:
      gls_term_row_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_term_row_class_init (GlsTermRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_term_row_dispose;
  object_class->finalize = gls_term_row_finalize;
  object_class->get_property = gls_term_row_get_property;
  object_class->set_property = gls_term_row_set_property;

  properties[PROP_TERM] =
    g_param_spec_object ("term", NULL, NULL, GLS_TYPE_TERM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "termrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gls_term_row_init (GlsTermRow *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  self->label = GTK_LABEL (label);
}

/* Returns: (nullable) (transfer none) */
GlsTerm *
gls_term_row_get_term (GlsTermRow *self)
{
  g_return_val_if_fail (GLS_IS_TERM_ROW (self), NULL);

  return self->term;
}

void
gls_term_row_set_term (GlsTermRow *self,
                       GlsTerm    *term)
{
  g_return_if_fail (GLS_IS_TERM_ROW (self));

  gls_term_row_show (self, term, self->query);
}

const char *
gls_term_row_get_query (GlsTermRow *self)
{
  g_return_val_if_fail (GLS_IS_TERM_ROW (self), NULL);

  return self->query;
}

void
gls_term_row_set_query (GlsTermRow *self,
                        const char *query)
{
  g_return_if_fail (GLS_IS_TERM_ROW (self));

  gls_term_row_show (self, self->term, query);
}

/* Shows @term as a result of @query, laying the row out once for both. */
void
gls_term_row_show (GlsTermRow *self,
                   GlsTerm    *term,
                   const char *query)
{
  gboolean query_changed;
  gboolean term_changed;

  g_return_if_fail (GLS_IS_TERM_ROW (self));
  g_return_if_fail (term == NULL || GLS_IS_TERM (term));

  query_changed = g_strcmp0 (self->query, query) != 0;
  if (query_changed)
    {
      g_free (self->query);
      self->query = g_strdup (query);
    }
  term_changed = g_set_object (&self->term, term);
  if (!query_changed && !term_changed)
    return;

  update (self);
  if (term_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
  if (query_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}
