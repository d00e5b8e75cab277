from django.urls import path

from . import review, views

app_name = "submissions"
STEP = "units/<str:code>/<int:year>/steps/<int:step>/"
EVIDENCE = "units/<str:code>/evidence/<int:pk>/"
urlpatterns = [
    path(STEP + "submit/", views.submit, name="submit"),
    path(STEP + "sign/", views.sign, name="sign"),
    path(STEP + "send-back/", views.send_back, name="send-back"),
    path(STEP + "history/", views.history, name="history"),
    path(STEP + "evidence/", views.evidence_upload, name="evidence-upload"),
    path(EVIDENCE, views.evidence_download, name="evidence"),
    path(EVIDENCE + "delete/", views.evidence_delete, name="evidence-delete"),
    path("central/review/", review.queue, name="review-queue"),
    path("central/review/<int:pk>/", review.detail, name="review"),
    path("central/review/<int:pk>/accept/", review.accept, name="accept"),
    path("central/review/<int:pk>/return/", review.return_for_correction, name="return"),
    path("central/review/<int:pk>/comment/", review.comment, name="comment"),
]
