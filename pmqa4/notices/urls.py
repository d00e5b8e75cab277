from django.urls import path

from . import question_views, views

app_name = "notices"
urlpatterns = [
    path("announcements/", views.announcements, name="announcements"),
    path("announcements/new/", views.announcement_create, name="announcement-create"),
    path("announcements/<int:pk>/", views.announcement_detail, name="announcement"),
    path("announcements/<int:pk>/edit/", views.announcement_edit, name="announcement-edit"),
    path("announcements/<int:pk>/delete/", views.announcement_delete, name="announcement-delete"),
    path(
        "announcements/<int:pk>/files/<int:file_pk>/",
        views.announcement_file,
        name="announcement-file",
    ),
    path("questions/", question_views.question_list, name="questions"),
    path("questions/new/", question_views.question_create, name="question-create"),
    path("questions/<int:pk>/", question_views.thread_detail, name="thread"),
    path("questions/<int:pk>/answer/", question_views.thread_answer, name="answer"),
    path("questions/<int:pk>/reply/", question_views.thread_reply, name="reply"),
    path(
        "questions/<int:pk>/posts/<int:post_pk>/faq/",
        question_views.thread_promote,
        name="promote",
    ),
    path("faq/", question_views.faq_list, name="faq"),
    path("faq/<int:pk>/edit/", question_views.faq_edit, name="faq-edit"),
    path("faq/<int:pk>/delete/", question_views.faq_delete, name="faq-delete"),
    path("contact/edit/", views.contact_edit, name="contact-edit"),
]
