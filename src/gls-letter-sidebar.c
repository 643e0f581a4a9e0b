/* gls-letter-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The A–Z index: All, A to Z and #, each with its number of terms.  Letters
 * without terms cannot be chosen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gls-letter-sidebar.h"

/* Row 0 is All; rows 1 to 27 are the letters of the glossary's index. */
#define N_ROWS (GLS_N_LETTERS + 1)

struct _GlsLetterSidebar
{
  GtkWidget    parent_instance;

  GtkListBox  *list_box;

  GlsGlossary *glossary;
  GtkLabel    *count_labels[N_ROWS];
  char         letter;
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (GlsLetterSidebar, gls_letter_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GLOSSARY,
  PROP_LETTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char
row_letter (int index)
{
  return index <= 0 ? 0 : gls_letter_from_index (index - 1);
}

static int
letter_row (char letter)
{
  return letter == 0 ? 0 : gls_letter_to_index (letter) + 1;
}

static void
on_list_box_row_selected_cb (GlsLetterSidebar *self,
                             GtkListBoxRow    *row)
{
  char letter;

  if (self->updating || row == NULL)
    return;
  letter = row_letter (gtk_list_box_row_get_index (row));
  if (letter == self->letter)
    return;
  self->letter = letter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
}

static void
update_counts (GlsLetterSidebar *self)
{
  for (int i = 0; i < N_ROWS; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      guint count = 0;
      g_autofree char *count_text = NULL;
      g_autofree char *description = NULL;

      if (self->glossary != NULL)
        count = i == 0 ? gls_glossary_get_n_terms (self->glossary)
                       : gls_glossary_get_letter_count (self->glossary, row_letter (i));
      count_text = g_strdup_printf ("%u", count);
      gtk_label_set_text (self->count_labels[i], count_text);
      gtk_widget_set_sensitive (GTK_WIDGET (row), i == 0 || count > 0);

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u term", "%u terms", count),
                                     count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
}

static void
select_letter_row (GlsLetterSidebar *self)
{
  self->updating = TRUE;
  gtk_list_box_select_row (self->list_box,
                           gtk_list_box_get_row_at_index (self->list_box, letter_row (self->letter)));
  self->updating = FALSE;
}

static void
build_rows (GlsLetterSidebar *self)
{
  for (int i = 0; i < N_ROWS; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *letter_label;
      GtkWidget *count_label = gtk_label_new (NULL);
      char text[2] = { row_letter (i), '\0' };
      const char *name = i == 0 ? _("All") : text;

      letter_label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (letter_label), 0);
      gtk_widget_set_hexpand (letter_label, TRUE);
      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_box_append (GTK_BOX (box), letter_label);
      gtk_box_append (GTK_BOX (box), count_label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      i == 0 ? _("All letters") : text,
                                      -1);
      gtk_list_box_append (self->list_box, row);
      self->count_labels[i] = GTK_LABEL (count_label);
    }
}

static void
gls_letter_sidebar_dispose (GObject *object)
{
  GlsLetterSidebar *self = (GlsLetterSidebar *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_LETTER_SIDEBAR);
  /* Template children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->glossary);

  G_OBJECT_CLASS (gls_letter_sidebar_parent_class)->dispose (object);
}

static void
gls_letter_sidebar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlsLetterSidebar *self = GLS_LETTER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_GLOSSARY:
      g_value_set_object (value, self->glossary);
      break;

    case PROP_LETTER:
      g_value_set_schar (value, self->letter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_letter_sidebar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlsLetterSidebar *self = GLS_LETTER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_GLOSSARY:
      gls_letter_sidebar_set_glossary (self, g_value_get_object (value));
      break;

    case PROP_LETTER:
      gls_letter_sidebar_set_letter (self, g_value_get_schar (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_letter_sidebar_class_init (GlsLetterSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_letter_sidebar_dispose;
  object_class->get_property = gls_letter_sidebar_get_property;
  object_class->set_property = gls_letter_sidebar_set_property;

  properties[PROP_GLOSSARY] =
    g_param_spec_object ("glossary", NULL, NULL, GLS_TYPE_GLOSSARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LETTER] =
    g_param_spec_char ("letter", NULL, NULL, 0, G_MAXINT8, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/gls-letter-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsLetterSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_selected_cb);
  gtk_widget_class_set_css_name (widget_class, "lettersidebar");
}

static void
gls_letter_sidebar_init (GlsLetterSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_rows (self);
  update_counts (self);
  select_letter_row (self);
}

/* Returns: (nullable) (transfer none) */
GlsGlossary *
gls_letter_sidebar_get_glossary (GlsLetterSidebar *self)
{
  g_return_val_if_fail (GLS_IS_LETTER_SIDEBAR (self), NULL);

  return self->glossary;
}

void
gls_letter_sidebar_set_glossary (GlsLetterSidebar *self,
                                 GlsGlossary      *glossary)
{
  g_return_if_fail (GLS_IS_LETTER_SIDEBAR (self));
  g_return_if_fail (glossary == NULL || GLS_IS_GLOSSARY (glossary));

  if (!g_set_object (&self->glossary, glossary))
    return;
  update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GLOSSARY]);
}

/* Returns: the chosen letter, 'A' to 'Z' or '#', or 0 for all */
char
gls_letter_sidebar_get_letter (GlsLetterSidebar *self)
{
  g_return_val_if_fail (GLS_IS_LETTER_SIDEBAR (self), 0);

  return self->letter;
}

void
gls_letter_sidebar_set_letter (GlsLetterSidebar *self,
                               char              letter)
{
  g_return_if_fail (GLS_IS_LETTER_SIDEBAR (self));
  g_return_if_fail (letter == 0 || gls_letter_to_index (letter) >= 0);

  if (self->letter == letter)
    return;
  self->letter = letter;
  select_letter_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
}
