from django.db import migrations, models


def whatsapp_to_twilio(apps, schema_editor):
    apps.get_model("conversations", "Conversation").objects.filter(channel="whatsapp").update(channel="twilio")


def twilio_to_whatsapp(apps, schema_editor):
    apps.get_model("conversations", "Conversation").objects.filter(channel="twilio").update(channel="whatsapp")


class Migration(migrations.Migration):
    dependencies = [("conversations", "0009_canned_reply")]

    operations = [
        migrations.AlterField(
            model_name="conversation",
            name="channel",
            field=models.CharField(
                choices=[("twilio", "WhatsApp via Twilio"), ("meta", "WhatsApp via Meta Cloud API")],
                default="twilio",
                max_length=16,
            ),
        ),
        migrations.RunPython(whatsapp_to_twilio, twilio_to_whatsapp),
        migrations.AddField(
            model_name="inboundmessage",
            name="profile_name",
            field=models.CharField(blank=True, max_length=128),
        ),
        migrations.AddField(
            model_name="earlystatus",
            name="failure",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.RenameField(model_name="outboundmessage", old_name="content_sid", new_name="template"),
    ]
