/* gls-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLS_TYPE_CATEGORY (gls_category_get_type ())
G_DECLARE_FINAL_TYPE (GlsCategory, gls_category, GLS, CATEGORY, GObject)

const char *gls_category_get_id      (GlsCategory *self);
const char *gls_category_get_label   (GlsCategory *self);
guint       gls_category_get_n_terms (GlsCategory *self);

G_END_DECLS
