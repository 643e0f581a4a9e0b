/* gls-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLS_TYPE_APPLICATION (gls_application_get_type ())
G_DECLARE_FINAL_TYPE (GlsApplication, gls_application, GLS, APPLICATION, GtkApplication)

GlsApplication *gls_application_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
