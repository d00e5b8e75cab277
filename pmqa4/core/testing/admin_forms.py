"""What a browser would send back from an admin change page as it was rendered."""


def admin_form_data(page, **changes) -> dict:
    """The page's form and inline formsets (management forms included), then ``changes``."""
    data = {}
    form = page.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        data[form.add_prefix(name)] = "" if value is None else value
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        for subform in (formset.management_form, *formset.forms):
            for name in subform.fields:
                value = subform[name].value()
                if value is not None and value is not False:  # an unticked box is not sent
                    data[subform.add_prefix(name)] = value
    return data | changes
