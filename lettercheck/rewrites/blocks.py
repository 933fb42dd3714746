"""The missing guidance, written for this letter: 'Wat kunt u nu doen?', a contact block, a help block.

Each fits the kind of letter (payment plan and schuldhulp for payment letters,
help with gathering papers for document requests, what to do if you disagree
for refusals, nothing about payment in a notification), speaks to the reader
as the letter does ('u' or 'je'), and reuses the contact details the letter
gives; '[telefoonnummer]'-style placeholders stand where it gives none.
"""

from __future__ import annotations

import re

from ..model import Edit, Finding, Fix
from ..structure import Kind
from . import rewriter
from .profile import Profile

ACTION = {
    "payment": "Wat kunt u nu doen?\nBetaal het bedrag vóór [datum]{iban}. Lukt dat niet? Neem dan contact met ons "
               "op. Dan kijken we samen wat wel kan.",
    "documents": "Wat kunt u nu doen?\nStuur ons de papieren vóór [datum]. Dat kan per post, per e-mail of aan de "
                 "balie.",
    "refusal": "Wat kunt u nu doen?\nBent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Schrijf ons "
               "waarom u het er niet mee eens bent.",
    "grant": "Wat kunt u nu doen?\nU hoeft niets te doen.",
    "invitation": "Wat kunt u nu doen?\nKom naar de afspraak. Past het moment niet? Bel ons, dan maken we een "
                  "nieuwe afspraak.",
    "information": "Wat kunt u nu doen?\nU hoeft niets te doen.",
}
HELP = {
    "payment": "Lukt betalen niet, of heeft u zorgen over geld? Neem contact met ons op. Samen zoeken we een "
               "oplossing, bijvoorbeeld een betalingsregeling. U kunt ook gratis hulp krijgen bij geldzorgen.",
    "documents": "Lukt het niet om alle papieren te vinden? Bel ons. We helpen u graag.",
    "refusal": "Wilt u hulp bij het maken van bezwaar? Bel ons. Ook een sociaal raadslid kan u gratis helpen.",
    "grant": "Heeft u vragen of wilt u hulp? Bel ons, we helpen u graag.",
    "invitation": "Heeft u hulp nodig om te komen, of wilt u iemand meenemen? Dat kan. Laat het ons weten.",
    "information": "Heeft u vragen of wilt u hulp? Bel ons, we helpen u graag.",
}
CONTACT = "Heeft u vragen? Bel ons op {phone} of mail naar {email}.{reference}"
FAMILIAR = (
    (r"\bWat kunt u\b", "Wat kun je"), (r"\bheeft u\b", "heb je"), (r"\bHeeft u\b", "Heb je"),
    (r"\bBent u\b", "Ben je"), (r"\bwilt u\b", "wil je"), (r"\bWilt u\b", "Wil je"), (r"\bhelpen u\b", "helpen je"),
    (r"\bkan u\b", "kan je"), (r"\bu kunt\b", "je kunt"), (r"\bU kunt\b", "Je kunt"), (r"\bU hoeft\b", "Je hoeft"),
    (r"\bu het\b", "je het"), (r"\bu\b", "je"),
)
RULE_BLOCKS = {"missing-action": "action", "missing-help": "help", "missing-contact": "contact"}
DESCRIPTIONS = {
    "action": "Voeg toe wat de lezer nu kan doen.",
    "help": "Voeg toe waar de lezer hulp kan krijgen als het niet lukt.",
    "contact": "Voeg toe hoe de lezer u bereikt.",
}


def block_text(block: str, profile: Profile) -> str:
    """The Dutch text of a guidance block for a letter with this profile."""
    if block == "action":
        iban = f" op rekening {profile.iban}" if profile.iban else ""
        text = ACTION[profile.kind].format(iban=iban)
    elif block == "help":
        text = HELP[profile.kind]
    else:
        reference = f" Noem dan het kenmerk {profile.reference}." if profile.reference else ""
        text = CONTACT.format(phone=profile.phone or "[telefoonnummer]", email=profile.email or "[e-mailadres]",
                              reference=reference)
    return familiar(text) if profile.address == "je" else text


def familiar(text: str) -> str:
    for pattern, replacement in FAMILIAR:
        text = re.sub(pattern, replacement, text)
    return text


@rewriter("missing-action", "missing-help", "missing-contact")
def guidance_block(ctx, finding: Finding) -> tuple[Fix, ...]:
    block = RULE_BLOCKS[finding.rule]
    text = block_text(block, ctx.profile)
    finding.suggestion = f"{DESCRIPTIONS[block]} Bijvoorbeeld: '{' '.join(text.split())}'"  # fits this letter
    return (Fix((insertion(ctx, text),), "proposed", DESCRIPTIONS[block]),)


def insertion(ctx, paragraph: str) -> Edit:
    """A new paragraph before the closing ('Met vriendelijke groet'), else after the last paragraph."""
    closing = next((s for s in ctx.parsed.segments if s.kind is Kind.CLOSING), None)
    if closing is not None:
        start = ctx.letter.block_at(closing.start).start
        return Edit(start, start, paragraph + "\n")
    end = len(ctx.letter.text)
    return Edit(end, end, "\n" + paragraph)
