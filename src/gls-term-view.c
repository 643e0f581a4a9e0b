/* gls-term-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The detail pane: one term with its abbreviations, aliases, categories,
 * definitions, related terms and the terms that refer to it, every mention
 * a link.  With no term it gives an overview of the glossary.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gls-linker.h"
#include "gls-term-view.h"

struct _GlsTermView
{
  GtkWidget          parent_instance;

  GtkLabel          *abbreviations_label;
  GtkLabel          *aliases_label;
  GtkLabel          *backlinks_heading;
  GtkLabel          *backlinks_label;
  GtkBox            *categories_box;
  GtkBox            *definitions_box;
  GtkLabel          *name_label;
  GtkLabel          *overview_count_label;
  GtkLabel          *overview_description_label;
  GtkLabel          *overview_title_label;
  GtkLabel          *related_heading;
  GtkLabel          *related_label;
  GtkScrolledWindow *scrolled_window;
  GtkStack          *stack;

  GlsGlossary       *glossary;
  GlsTerm           *term;
};

G_DEFINE_FINAL_TYPE (GlsTermView, gls_term_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GLOSSARY,
  PROP_TERM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Follows a link of the pane: a term of the glossary through win.show-term,
 * an http or https address in the browser; every other scheme is refused.
 *
 * Returns: TRUE, so that GTK never opens a link by itself
 */
gboolean
gls_term_view_open_uri (GtkWidget  *widget,
                        const char *uri)
{
  const char *term_id = gls_linker_uri_get_term_id (uri);

  if (term_id != NULL)
    gtk_widget_activate_action (widget, "win.show-term", "s", term_id);
  else if (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://"))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
  else
    g_debug ("Refusing to open the link “%s”", uri);
  return TRUE;
}

static gboolean
on_label_activate_link_cb (GlsTermView *self,
                           const char  *uri,
                           GtkLabel    *label)
{
  return gls_term_view_open_uri (GTK_WIDGET (self), uri);
}

static char *
term_links_markup (GPtrArray *terms)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      GlsTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *uri = gls_linker_term_uri (term);
      g_auto(GStrv) words = g_strsplit (gls_term_get_name (term), " ", -1);
      /* No break inside a name: no-break spaces join its words. */
      g_autofree char *name = g_strjoinv ("\u00a0", words);
      g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, name);

      if (i > 0)
        g_string_append (markup, "  ·  ");
      g_string_append (markup, link);
    }
  return g_string_free (markup, FALSE);
}

static void
set_links (GtkLabel  *heading,
           GtkLabel  *label,
           GPtrArray *terms)
{
  g_autofree char *markup = term_links_markup (terms);

  gtk_label_set_markup (label, markup);
  gtk_widget_set_visible (GTK_WIDGET (heading), terms->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (label), terms->len > 0);
}

/*
 * Pango 1.50 takes time that grows with the square of a word's length to
 * break it between characters, and GTK measures a label many times: a name
 * of 10,000 letters froze the window for a minute.  Text with a word longer
 * than any line breaks anywhere instead, at once.  Returns: whether it does.
 */
static gboolean
set_wrap_mode_for_text (GtkLabel   *label,
                        const char *text)
{
  const guint longest_fitting_word = 200;
  guint word_length = 0;
  gboolean long_word = FALSE;

  for (const char *p = text; *p != '\0' && !long_word; p = g_utf8_next_char (p))
    {
      word_length = g_unichar_isspace (g_utf8_get_char (p)) ? 0 : word_length + 1;
      long_word = word_length > longest_fitting_word;
    }
  gtk_label_set_wrap_mode (label, long_word ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
  return long_word;
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    gtk_box_remove (GTK_BOX (parent), child);
}

static void
show_categories (GlsTermView *self)
{
  const char * const *ids = gls_term_get_category_ids (self->term);

  remove_children (GTK_WIDGET (self->categories_box));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GlsCategory *category = gls_glossary_lookup_category (self->glossary, ids[i]);
      g_autofree char *tooltip = NULL;
      GtkWidget *button;

      if (category == NULL)
        continue;
      button = gtk_button_new_with_label (gls_category_get_label (category));
      gtk_widget_add_css_class (button, "category-chip");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.filter-category");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ids[i]);
      tooltip = g_strdup_printf (_("Show the terms in %s"), gls_category_get_label (category));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_box_append (self->categories_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->categories_box), ids[0] != NULL);
}

static void
show_definitions (GlsTermView *self)
{
  guint n_definitions = gls_term_get_n_definitions (self->term);
  g_autoptr(GHashTable) linked = g_hash_table_new (g_str_hash, g_str_equal);

  remove_children (GTK_WIDGET (self->definitions_box));
  for (guint i = 0; i < n_definitions; i++)
    {
      g_autofree char *markup = gls_linker_markup (self->glossary, self->term, i, linked);
      GtkWidget *label = gtk_label_new (NULL);

      if (n_definitions > 1)
        {
          g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, markup);

          g_free (markup);
          markup = g_steal_pointer (&numbered);
        }
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      set_wrap_mode_for_text (GTK_LABEL (label), gtk_label_get_text (GTK_LABEL (label)));
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "definition");
      g_signal_connect_swapped (label, "activate-link", G_CALLBACK (on_label_activate_link_cb),
                                self);
      gtk_box_append (self->definitions_box, label);
    }
}

static void
show_overview (GlsTermView *self)
{
  guint n_terms = self->glossary ? gls_glossary_get_n_terms (self->glossary) : 0;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u term", "%u terms",
                                                         n_terms), n_terms);
  const char *description = self->glossary ? gls_glossary_get_description (self->glossary) : NULL;

  gtk_label_set_text (self->overview_title_label,
                      self->glossary ? gls_glossary_get_title (self->glossary) : "");
  gtk_label_set_text (self->overview_count_label, count);
  gtk_label_set_text (self->overview_description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->overview_description_label), description != NULL);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

static void
show_term (GlsTermView *self)
{
  g_autofree char *abbreviations = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_autoptr(GPtrArray) backlinks = NULL;
  const char * const *aliases;

  gtk_label_set_text (self->name_label, gls_term_get_name (self->term));
  /* Even broken anywhere, such a name costs a lot to lay out in full; its
   * first lines are all a heading can show of it anyway.
   */
  if (set_wrap_mode_for_text (self->name_label, gls_term_get_name (self->term)))
    {
      gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (self->name_label, 4);
    }
  else
    {
      gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_NONE);
      gtk_label_set_lines (self->name_label, -1);
    }

  abbreviations = g_strjoinv (", ", (char **) gls_term_get_abbreviations (self->term));
  gtk_label_set_text (self->abbreviations_label, abbreviations);
  gtk_widget_set_visible (GTK_WIDGET (self->abbreviations_label), *abbreviations != '\0');

  aliases = gls_term_get_aliases (self->term);
  if (aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      g_autofree char *text = g_strdup_printf (_("Also called: %s"), joined);

      gtk_label_set_text (self->aliases_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), aliases[0] != NULL);

  show_categories (self);
  show_definitions (self);

  related = gls_glossary_dup_related (self->glossary, self->term);
  set_links (self->related_heading, self->related_label, related);
  backlinks = gls_glossary_dup_backlinks (self->glossary, self->term);
  set_links (self->backlinks_heading, self->backlinks_label, backlinks);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "term");
}

static void
update (GlsTermView *self)
{
  if (self->term != NULL && self->glossary != NULL)
    show_term (self);
  else
    show_overview (self);
}

static void
gls_term_view_dispose (GObject *object)
{
  GlsTermView *self = (GlsTermView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_TERM_VIEW);
  /* Template children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->term);
  g_clear_object (&self->glossary);

  G_OBJECT_CLASS (gls_term_view_parent_class)->dispose (object);
}

static void
gls_term_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlsTermView *self = GLS_TERM_VIEW (object);

  switch (prop_id)
    {
    case PROP_GLOSSARY:
      g_value_set_object (value, self->glossary);
      break;

    case PROP_TERM:
      g_value_set_object (value, self->term);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_term_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlsTermView *self = GLS_TERM_VIEW (object);

  switch (prop_id)
    {
    case PROP_GLOSSARY:
      gls_term_view_set_glossary (self, g_value_get_object (value));
      break;

    case PROP_TERM:
      gls_term_view_set_term (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_term_view_class_init (GlsTermViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_term_view_dispose;
  object_class->get_property = gls_term_view_get_property;
  object_class->set_property = gls_term_view_set_property;

  properties[PROP_GLOSSARY] =
    g_param_spec_object ("glossary", NULL, NULL, GLS_TYPE_GLOSSARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TERM] =
    g_param_spec_object ("term", NULL, NULL, GLS_TYPE_TERM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gls-term-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, abbreviations_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, backlinks_heading);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, backlinks_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, categories_box);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, definitions_box);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, name_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, overview_count_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, overview_description_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, overview_title_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, related_heading);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, related_label);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, GlsTermView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_label_activate_link_cb);
  gtk_widget_class_set_css_name (widget_class, "termview");
}

static void
gls_term_view_init (GlsTermView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/* Returns: (nullable) (transfer none) */
GlsGlossary *
gls_term_view_get_glossary (GlsTermView *self)
{
  g_return_val_if_fail (GLS_IS_TERM_VIEW (self), NULL);

  return self->glossary;
}

void
gls_term_view_set_glossary (GlsTermView *self,
                            GlsGlossary *glossary)
{
  g_return_if_fail (GLS_IS_TERM_VIEW (self));
  g_return_if_fail (glossary == NULL || GLS_IS_GLOSSARY (glossary));

  if (!g_set_object (&self->glossary, glossary))
    return;
  g_clear_object (&self->term);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GLOSSARY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

/* Returns: (nullable) (transfer none): the term shown */
GlsTerm *
gls_term_view_get_term (GlsTermView *self)
{
  g_return_val_if_fail (GLS_IS_TERM_VIEW (self), NULL);

  return self->term;
}

void
gls_term_view_set_term (GlsTermView *self,
                        GlsTerm     *term)
{
  g_return_if_fail (GLS_IS_TERM_VIEW (self));
  g_return_if_fail (term == NULL || GLS_IS_TERM (term));

  if (!g_set_object (&self->term, term))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}
