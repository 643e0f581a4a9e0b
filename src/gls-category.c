/* gls-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gls-category-private.h"

struct _GlsCategory
{
  GObject  parent_instance;

  char    *id;
  char    *label;
  guint    n_terms;
};

G_DEFINE_FINAL_TYPE (GlsCategory, gls_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_N_TERMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gls_category_finalize (GObject *object)
{
  GlsCategory *self = (GlsCategory *) object;

  g_free (self->id);
  g_free (self->label);

  G_OBJECT_CLASS (gls_category_parent_class)->finalize (object);
}

static void
gls_category_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlsCategory *self = GLS_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_N_TERMS:
      g_value_set_uint (value, self->n_terms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_category_class_init (GlsCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_category_finalize;
  object_class->get_property = gls_category_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TERMS] =
    g_param_spec_uint ("n-terms", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_category_init (GlsCategory *self)
{
}

GlsCategory *
_gls_category_new (const char *id,
                   const char *label)
{
  GlsCategory *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (GLS_TYPE_CATEGORY, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  return self;
}

void
_gls_category_set_n_terms (GlsCategory *self,
                           guint        n_terms)
{
  self->n_terms = n_terms;
}

const char *
gls_category_get_id (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return self->id;
}

const char *
gls_category_get_label (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return self->label;
}

guint
gls_category_get_n_terms (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), 0);

  return self->n_terms;
}
