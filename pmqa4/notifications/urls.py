from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/count/", views.unread_count, name="count"),
    path("notifications/<int:pk>/read/", views.mark_read, name="read"),
    path("notifications/read-all/", views.mark_all_read, name="read-all"),
    path("notifications/preferences/", views.preferences, name="preferences"),
    path("notifications/preferences/test/", views.send_test, name="test"),
    path("notifications/preferences/line-code/", views.line_code, name="line-code"),
    path("line/webhook/", views.line_webhook, name="line-webhook"),
]
