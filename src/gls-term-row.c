/* gls-term-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the results list: the name with the matched part highlighted,
 * the abbreviations, and a line of the definition.
 *
 * The row draws its own text.  GTK 4.8's list view keeps some 200 rows
 * alive whatever its height, and a search gives every one of them a new
 * term: a label would lay its text out for all 200, where only the dozen in
 * sight need it.  So the row's height comes from the font alone, and its
 * text is laid out only when it is drawn, which the list does for the rows
 * in sight.
 */
#include "config.h"

#include "gls-search.h"
#include "gls-term-row.h"

#define SNIPPET_CHARS 60

/* The name is bold already: what matched stands out on a tint instead. */
#define NAME_MATCH     "<span background=\"#3584e4\" bgalpha=\"30%\">"
#define NAME_MATCH_END "</span>"

/* The row's two lines: the name, and the snippet in a smaller size. */
#define NAME_LINE    "<span weight=\"600\">%s</span>"
#define SNIPPET_LINE "\n<span size=\"small\" alpha=\"60%%\">%s</span>"

struct _GlsTermRow
{
  GtkWidget             parent_instance;

  GlsTerm              *term;
  char                 *query;

  PangoLayout          *layout;         /* the text, once drawn */
  gboolean              layout_stale;   /* the term or query changed since */
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

/* The row's text as Pango markup: the name and abbreviations on one line,
 * the snippet on the next.
 */
static char *
row_markup (GlsTermRow *self)
{
  const char *query = self->query ? self->query : "";
  const char *name = gls_term_get_name (self->term);
  g_autoptr(GArray) name_ranges = NULL;
  g_autoptr(GArray) snippet_ranges = NULL;
  g_autofree char *name_markup = NULL;
  g_autofree char *abbreviations = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *snippet_markup = NULL;
  GString *markup = g_string_new (NULL);

  name_ranges = *query ? gls_search_match_name (query, name) : NULL;
  name_markup = highlight_markup (name, name_ranges, NAME_MATCH, NAME_MATCH_END);
  g_string_append_printf (markup, NAME_LINE, name_markup);

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
  g_string_append_printf (markup, SNIPPET_LINE, snippet_markup);
  return g_string_free (markup, FALSE);
}

/* The height of a row's two lines, from its font: every row has it,
 * whatever its text, so that no row lays its text out to be measured.  All
 * rows share it while their font and resolution stay the same; GTK measures
 * a row again when its font changes, and its layout follows the context.
 */
static struct
{
  int                   height;
  PangoFontDescription *font;
  double                resolution;
} text_metrics;

static int
text_height (GlsTermRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);

  if (text_metrics.font == NULL || text_metrics.resolution != resolution ||
      !pango_font_description_equal (font, text_metrics.font))
    {
      g_autoptr(PangoLayout) sample = pango_layout_new (context);
      g_autofree char *markup = g_strdup_printf (NAME_LINE SNIPPET_LINE, "Ag", "Ag");

      pango_layout_set_markup (sample, markup, -1);
      pango_layout_get_pixel_size (sample, NULL, &text_metrics.height);
      g_clear_pointer (&text_metrics.font, pango_font_description_free);
      text_metrics.font = pango_font_description_copy (font);
      text_metrics.resolution = resolution;
    }
  return text_metrics.height;
}

static void
gls_term_row_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GlsTermRow *self = GLS_TERM_ROW (widget);

  /* The text is ellipsized to whatever width the list has. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = text_height (self);
}

static void
gls_term_row_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  /* New font options can change the height of the same font: measure it
   * again.  GTK renews the context and lays the row out anew.
   */
  g_clear_pointer (&text_metrics.font, pango_font_description_free);

  GTK_WIDGET_CLASS (gls_term_row_parent_class)->system_setting_changed (widget, setting);
}

static void
gls_term_row_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  GlsTermRow *self = GLS_TERM_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int layout_height;
  GdkRGBA color;

  if (self->term == NULL)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, NULL);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      self->layout_stale = TRUE;
    }
  if (self->layout_stale)
    {
      g_autofree char *markup = row_markup (self);

      pango_layout_set_markup (self->layout, markup, -1);
      self->layout_stale = FALSE;
    }
  pango_layout_set_alignment (self->layout,
                              gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                              ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  if (pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);

  pango_layout_get_pixel_size (self->layout, NULL, &layout_height);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (0, (gtk_widget_get_height (widget) - layout_height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
gls_term_row_dispose (GObject *object)
{
  GlsTermRow *self = (GlsTermRow *) object;

  g_clear_object (&self->term);
  g_clear_object (&self->layout);

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

  widget_class->measure = gls_term_row_measure;
  widget_class->system_setting_changed = gls_term_row_system_setting_changed;
  widget_class->snapshot = gls_term_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "termrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gls_term_row_init (GlsTermRow *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
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

/* Shows @term as a result of @query. */
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

  self->layout_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Screen readers read the row as the term's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, term ? gls_term_get_name (term) : "",
                                  -1);
  if (term_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
  if (query_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}
