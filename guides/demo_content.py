"""Editorial demo content for the Safeword guides.

Pure data: a list of guides, each with ordered sections. Section bodies are
Markdown (no raw HTML). Callouts are structured blocks rendered separately.
Each category section's "picks" name demo products (by slug) that the curators chose for
beginners and for experienced people, with a one-line reason.
"""

GUIDES = [
    {
        "slug": "consensual-rough-play",
        "title": "Consensual rough play: a gentle guide to playing hard, safely",
        "summary": (
            "What 'rough' can mean, how to talk about it, and how to choose and use "
            "impact toys, restraints, cock rings, lube and vibrators with consent and "
            "safety at the centre."
        ),
        "author": "The Safeword editors",
        "sections": [
            {
                "heading": "What 'rough' can mean",
                "anchor": "what-rough-means",
                "body": (
                    "Ask ten people what 'rough' means and you may hear ten answers. For one "
                    "it is a firm grip on the wrists and some playful wrestling; for another, "
                    "the steady rhythm of a paddle, the feeling of being held in place, or "
                    "simply more intensity than usual. "
                    "Rough play is a loose label for play that leans into strength, pressure "
                    "and strong sensation, chosen by everyone involved.\n\n"
                    "It is also deeply **subjective**. The same swat can feel like a tease to "
                    "one person and far too much to another, and it can land differently for "
                    "the same person on a different day, depending on tiredness, stress and "
                    "mood. That is why this guide spends so long on talking and agreeing: the "
                    "gear matters, but the conversation matters more.\n\n"
                    "Feeling a little nervous? That usually means you are taking it "
                    "seriously. Everything here is meant to help you start gently and build "
                    "up only if and when you want to. Experienced? Treat it as a refresher."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Consent, before and during play",
                "anchor": "consent",
                "body": (
                    "Consent is the foundation everything else rests on. Without it, none of "
                    "this is play.\n\n"
                    "- **Enthusiastic.** Look for a clear, willing yes, not a shrug or "
                    "silence. If someone seems unsure, treat it as a no for now.\n"
                    "- **Specific.** A yes to a paddle is not a yes to cuffs, and a yes last "
                    "week is not automatically a yes today.\n"
                    "- **Ongoing.** Consent is not a form signed at the start. Keep checking "
                    "during play, especially when something is new or the intensity "
                    "rises.\n"
                    "- **Can be withdrawn at any time.** Anyone can pause or stop, for any "
                    "reason or none, and that is respected at once, without sulking or "
                    "debate.\n"
                    "- **Sober.** Alcohol and drugs make a clear yes impossible to rely on; "
                    "there is more on that below.\n\n"
                    "Talk before you start, at a relaxed moment with nothing riding on the "
                    "answer; over a cup of tea is ideal. During play, a quick 'How's "
                    "that?' keeps you connected. Afterwards, talk about what worked and what "
                    "did not.\n\n"
                    "Consent belongs to everyone, including the partner holding the paddle: "
                    "they can stop at any moment too."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Agreeing limits and intensity",
                "anchor": "limits-and-intensity",
                "body": (
                    "Before you play, work out together what is on the table. A simple "
                    "method is a **yes/no/maybe list**: each of you, separately, sorts the "
                    "things you might try into three columns.\n\n"
                    "- **Yes:** things you are keen on.\n"
                    "- **No:** things you do not want, full stop.\n"
                    "- **Maybe:** things you are curious about but unsure of, or would only "
                    "try under certain conditions.\n\n"
                    "Compare lists and start where your yeses overlap. Talk the maybes "
                    "through slowly. A no from either of you needs no explanation.\n\n"
                    "Name two kinds of limit. **Hard limits** are never crossed, not even a "
                    "little, and not even if someone seems to be enjoying the moment. **Soft "
                    "limits** are things someone feels hesitant about; they are explored only "
                    "by agreement made beforehand, never by pushing in the moment.\n\n"
                    "Agree on intensity, too. A one-to-ten scale gives you a shared "
                    "language: 'around a three tonight' is far clearer than 'not too hard'. "
                    "Agree whether marks are welcome and where, and who keeps the safety "
                    "shears. Revisit your lists now and then."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Safe words and the traffic-light system",
                "anchor": "safe-words",
                "body": (
                    "A **safe word** means one thing only: stop, right now, no questions. "
                    "Pick something short and unlikely to come up by accident, such as a "
                    "colour or a city. If playful protest is part of what you have agreed, "
                    "avoid 'no' and 'stop', since they might be said as part of the game; you "
                    "need a word that can never be mistaken for it. Otherwise a plain 'stop' "
                    "works well and must always be honoured.\n\n"
                    "The **traffic-light system** adds a middle setting, so someone can ask "
                    "for a change without ending everything.\n\n"
                    "Speech is not always easy, so agree a **non-verbal signal** that means "
                    "red: dropping a small object held in the hand, such as a set of keys, "
                    "or tapping out twice on the bed or on a partner. Test it before you "
                    "begin, and make sure it still works if hands are restrained.\n\n"
                    "When a safe word or signal is used, stop, check in and listen. No guilt, "
                    "no 'are you sure?'. It means the system is working."
                ),
                "category": None,
                "callouts": [
                    {
                        "kind": "traffic_light",
                        "title": "The traffic-light system",
                        "items": [
                            {
                                "label": "Green",
                                "text": "All good, keep going; this feels comfortable and welcome.",
                            },
                            {
                                "label": "Yellow",
                                "text": "Slow down or ease off and check in; something is close to a limit.",
                            },
                            {
                                "label": "Red",
                                "text": "Stop at once, release any restraints and check in.",
                            },
                        ],
                    },
                ],
                "picks": [],
            },
            {
                "heading": "Impact toys",
                "anchor": "impact",
                "body": (
                    "Impact play uses paddles, slappers and floggers to create rhythmic "
                    "sensation. Every toy sits somewhere on a scale from **gentle to "
                    "intense**, and each has its own character: **sting** is sharp and close "
                    "to the surface, from narrow slappers or thin strands, while **thud** is "
                    "deeper and broader, from wide paddles or heavy, soft falls. Many "
                    "beginners find thud easier at first; others prefer a light sting.\n\n"
                    "- **Start lighter than you think.** Sensation builds, so what feels mild "
                    "in the first minute can feel much stronger ten minutes later. Try the "
                    "toy on your own thigh first.\n"
                    "- **Warm up.** Begin with a hand or the softest toy, light and slow, "
                    "and build gradually.\n"
                    "- **Only fleshy areas.** Aim for the buttocks and the fleshy part of the "
                    "thighs. **Never** strike the spine, the kidneys (the lower back, just "
                    "above the waist), joints, the head or the neck.\n"
                    "- **Watch and ask.** Keep an eye on your partner's reactions and ask for "
                    "a colour often.\n"
                    "- **Check the toy** for cracks, splinters or loose stitching before each "
                    "session.\n\n"
                    "Some redness is normal and fades; broken skin or swelling is a sign to "
                    "stop and go gentler next time.\n\n"
                    "Scroll down to see our picks for beginners and for experienced people."
                ),
                "category": "impact",
                "callouts": [],
                "picks": [
                    {
                        "product": "feather-light-paddle",
                        "level": "beginner",
                        "reason": "The gentlest paddle we stock: a soft silicone face that spreads a light thud while you find out what you both enjoy.",
                    },
                    {
                        "product": "two-face-slapper",
                        "level": "beginner",
                        "reason": "Fur to warm up, smooth vegan leather for a light sting: change the feeling by switching sides, not by hitting harder.",
                    },
                    {
                        "product": "soft-suede-flogger",
                        "level": "beginner",
                        "reason": "Wide suede tails land as a broad, warm thud, so it forgives you while you learn your aim and distance.",
                    },
                    {
                        "product": "bamboo-practice-paddle",
                        "level": "experienced",
                        "reason": "A firm, mid-range thud with rounded corners: the natural next step once gentle toys feel familiar.",
                    },
                    {
                        "product": "heritage-leather-strap",
                        "level": "experienced",
                        "reason": "A focused, strong sting that builds quickly, for experienced players who always warm up first.",
                    },
                    {
                        "product": "weighted-oak-paddle",
                        "level": "experienced",
                        "reason": "The heavy end of the scale: dense oak gives a deep thud with little effort, so it needs a practised, careful hand.",
                    },
                ],
            },
            {
                "heading": "Restraints",
                "anchor": "restraints",
                "body": (
                    "Cuffs, ankle restraints and under-bed systems add the feeling of being "
                    "held in place. They can build deep trust, and they carry real physical "
                    "risks, so the rules here are firm.\n\n"
                    "- **Quick release is essential.** A good restraint opens in a second, "
                    "one-handed, with no key. Beginners should use **quick-release "
                    "restraints only**; they are all we show to people who tell us they are "
                    "new.\n"
                    "- **Keep safety shears within reach.** Blunt-tipped shears cut through "
                    "straps fast without nicking skin. Put them within arm's reach before "
                    "anything is fastened.\n"
                    "- **Check hands and feet often.** Ask about **numbness or tingling**, "
                    "and look for **coldness or colour change**, such as pale or bluish skin. "
                    "If you notice any of these, loosen or release at once.\n"
                    "- **Never leave a restrained person alone**, not even for a minute.\n"
                    "- **Nothing around the neck**, ever.\n\n"
                    "Arms held overhead or behind the back can strain shoulders and press on "
                    "nerves, so keep early sessions short and change position often.\n\n"
                    "Have a look at the picks below, chosen separately for beginners and for "
                    "experienced people."
                ),
                "category": "restraints",
                "callouts": [],
                "picks": [
                    {
                        "product": "soft-cuff-set",
                        "level": "beginner",
                        "reason": "Padded, fur-lined wrist cuffs whose side-release buckles open with one squeeze.",
                    },
                    {
                        "product": "hook-and-loop-starter-cuffs",
                        "level": "beginner",
                        "reason": "They hold gently and peel open in a second, which is exactly what a first try needs.",
                    },
                    {
                        "product": "blunt-tip-safety-shears",
                        "level": "beginner",
                        "reason": "Buy these first: the blunt lower blade slides under a strap and cuts it in one pass without nicking skin.",
                    },
                    {
                        "product": "under-bed-tether-system",
                        "level": "experienced",
                        "reason": "Four quick-release cuffs anchored under the mattress: spread-out positions that still open in seconds.",
                    },
                    {
                        "product": "locking-leather-cuffs",
                        "level": "experienced",
                        "reason": "Firm, secure leather with a lockable ring; slower to undo, so shears within reach and never leave the wearer alone.",
                    },
                    {
                        "product": "adjustable-spreader-bar",
                        "level": "experienced",
                        "reason": "Holds ankles or wrists at a set width: choose a comfortable stance before fastening and change position often.",
                    },
                ],
            },
            {
                "heading": "Cock rings",
                "anchor": "cock-rings",
                "body": (
                    "Cock rings sit snugly at the base of the penis and gently slow the flow "
                    "of blood back out, which many people find makes an erection firmer and "
                    "longer-lasting. The material decides how forgiving a ring is:\n\n"
                    "- **Soft silicone:** smooth and gentle, with some give.\n"
                    "- **Stretchy:** very flexible, and rolls on and off easily.\n"
                    "- **Adjustable:** snaps, toggles or sliders that loosen in a moment.\n"
                    "- **Rigid metal:** fixed rings that cannot stretch or loosen.\n\n"
                    "If you are new, choose **soft, stretchy or adjustable** only, **never "
                    "rigid**: if swelling happens, a rigid ring cannot be eased off and may "
                    "need medical help to remove.\n\n"
                    "**Take it off after about 20 minutes**, and **at once** if you notice "
                    "numbness, coldness, discolouration or pain. Never sleep in one, and if a "
                    "ring will not come off, get medical help rather than forcing it.\n\n"
                    "You will find our picks for beginners and for experienced people just "
                    "below."
                ),
                "category": "cock-rings",
                "callouts": [],
                "picks": [
                    {
                        "product": "stretch-silicone-ring",
                        "level": "beginner",
                        "reason": "Very soft and stretchy, so it rolls on and off easily: the gentlest way to find out whether rings suit you.",
                    },
                    {
                        "product": "trio-stretch-ring-set",
                        "level": "beginner",
                        "reason": "Three soft sizes in one box, so you find a comfortable fit before buying anything firmer.",
                    },
                    {
                        "product": "adjustable-lasso-ring",
                        "level": "beginner",
                        "reason": "You set the snugness with a sliding bead and loosen it in a second, which makes it very forgiving.",
                    },
                    {
                        "product": "steel-halo-ring",
                        "level": "experienced",
                        "reason": "Smooth, weighty steel that never stretches, for wearers who know their size; measure first, off within 20 minutes.",
                    },
                    {
                        "product": "weighted-steel-ring",
                        "level": "experienced",
                        "reason": "A broad, heavy steel band for experienced wearers who already know their exact size and their limits.",
                    },
                    {
                        "product": "leather-snap-ring",
                        "level": "experienced",
                        "reason": "A firmer hold than silicone that still snaps open in a second: more control without losing a quick exit.",
                    },
                ],
            },
            {
                "heading": "Lubricants",
                "anchor": "lubricants",
                "body": (
                    "Lube reduces friction and protects delicate skin, and **rough play needs "
                    "more of it, not less**: more energy and longer sessions mean more "
                    "friction. Reapply freely.\n\n"
                    "- **Water-based:** washes off easily and is safe with every toy and "
                    "condom, though it can dry out.\n"
                    "- **Silicone-based:** slick and long-lasting, but it **can degrade "
                    "silicone toys**.\n"
                    "- **Oil-based:** rich and long-lasting, but it **degrades latex "
                    "condoms**, so never use it with latex.\n"
                    "- **Hybrid:** a blend of water and silicone which, like silicone lube, "
                    "**can degrade silicone toys**.\n\n"
                    "**Thickness** matters too: thin lubes feel natural and spread easily, "
                    "while thicker gels stay put and cushion better, which suits rough play. "
                    "If in doubt, a good water-based lube is the safest all-rounder, and our "
                    "[guide to choosing a lubricant](/guides/choosing-a-lubricant/) goes into "
                    "more detail.\n\n"
                    "Below are our picks for beginners and for experienced people."
                ),
                "category": "lubricants",
                "callouts": [],
                "picks": [
                    {
                        "product": "everyday-water-glide",
                        "level": "beginner",
                        "reason": "Thin, water-based and safe with every toy and condom: the simplest first bottle to own.",
                    },
                    {
                        "product": "cushion-water-gel",
                        "level": "beginner",
                        "reason": "A thick water-based gel that stays put and cushions, for longer or livelier play with any toy or condom.",
                    },
                    {
                        "product": "travel-water-sachets",
                        "level": "beginner",
                        "reason": "Single-use sachets: a cheap, no-commitment way to try lube for the first time.",
                    },
                    {
                        "product": "long-session-silicone-gel",
                        "level": "experienced",
                        "reason": "Thick silicone gel whose glide does not fade in long, rough sessions; keep it away from silicone toys.",
                    },
                    {
                        "product": "big-bottle-water-gel",
                        "level": "experienced",
                        "reason": "Our thick water gel in a 500 ml pump, so you never run out mid-session; safe with every toy and condom.",
                    },
                    {
                        "product": "balance-hybrid-cream",
                        "level": "experienced",
                        "reason": "Creamy and longer-lasting than a water gel, yet it rinses off easily; latex-safe, but not for silicone toys.",
                    },
                ],
            },
            {
                "heading": "Vibrators",
                "anchor": "vibrators",
                "body": (
                    "A buzz of pleasant sensation can balance the sting of a paddle or the "
                    "intensity of being held still. When choosing a vibrator, look at:\n\n"
                    "- **Type:** bullets are small and usually gentle; wands are larger, with "
                    "deep, strong vibration; and there are many other shapes besides.\n"
                    "- **External or internal:** use each only as its maker intends; anything "
                    "for internal use needs a flared or wide base.\n"
                    "- **Material:** body-safe, non-porous silicone, hard plastic, glass or "
                    "metal are easy to clean.\n"
                    "- **Waterproofing:** waterproof toys are easier to clean, and "
                    "splash-proof is not the same thing.\n"
                    "- **Noise:** worth checking if you share walls.\n\n"
                    "If you are just starting out, a **small bullet vibe is a gentle first "
                    "step**: easy to control, used on the outside of the body, and unlikely "
                    "to overwhelm.\n\n"
                    "The picks just below are split into choices for beginners and for "
                    "experienced people."
                ),
                "category": "vibrators",
                "callouts": [],
                "picks": [
                    {
                        "product": "pebble-bullet",
                        "level": "beginner",
                        "reason": "One button, five gentle settings and a quiet hum: the small, easy-to-control start this guide suggests.",
                    },
                    {
                        "product": "whisper-mini-bullet",
                        "level": "beginner",
                        "reason": "Our quietest bullet, barely audible through a closed door, with three soft settings.",
                    },
                    {
                        "product": "lipstick-bullet",
                        "level": "beginner",
                        "reason": "Discreet, dunk-proof and happy with any lube, so there is very little to get wrong.",
                    },
                    {
                        "product": "cordless-wand",
                        "level": "experienced",
                        "reason": "From a soft hum to a deep rumble: broad, strong vibration that pairs well with impact or restraint play.",
                    },
                    {
                        "product": "studio-plug-in-wand",
                        "level": "experienced",
                        "reason": "The strongest, steadiest power we stock; it runs from the mains, so keep it well away from water.",
                    },
                    {
                        "product": "remote-egg",
                        "level": "experienced",
                        "reason": "A remote that works up to 8 m away lets a partner take the controls; always use it with its retrieval cord.",
                    },
                ],
            },
            {
                "heading": "Beginner and experienced play",
                "anchor": "beginner-vs-experienced",
                "body": (
                    "There is no rush, and there are no levels to unlock.\n\n"
                    "**If you are new:**\n\n"
                    "- **Start light:** the gentle end of every scale, used gently.\n"
                    "- **Check in often:** ask for a colour every few minutes, not only when "
                    "something seems wrong.\n"
                    "- **Keep sessions short:** ten or fifteen minutes of something new is "
                    "plenty.\n"
                    "- **Build gradually, over sessions:** raise the intensity a little at a "
                    "time across several evenings, not within one.\n"
                    "- **Combine with care:** get comfortable with impact and with restraints "
                    "separately before putting them together. Someone held in place cannot "
                    "shift away, so the combination needs extra care and more "
                    "check-ins.\n\n"
                    "**If you are experienced:** you may be ready for heavier impact, rigid "
                    "rings or longer scenes. Experience brings skill but also habits, and it "
                    "is easy to skip steps. Keep the basics: talk first, shears at hand, "
                    "circulation checks. A new partner means starting afresh.\n\n"
                    "**For everyone:** use a safe word every time. Experience does not make "
                    "it unnecessary; it only makes it easier to forget."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Signs to stop and check in",
                "anchor": "signs-to-stop",
                "body": (
                    "People do not always use their safe word: they may freeze, feel "
                    "embarrassed, or not realise how they feel until later. So keep watching "
                    "and listening, and when in doubt, pause and ask 'What colour are you?' "
                    "Stopping to ask costs nothing."
                ),
                "category": None,
                "callouts": [
                    {
                        "kind": "signs_to_stop",
                        "title": "Stop and check in if you notice",
                        "items": [
                            {
                                "label": "Sudden silence",
                                "text": "If someone goes quiet, pause and ask for a colour before carrying on.",
                            },
                            {
                                "label": "Tensing or freezing",
                                "text": "Stop, ease any restraints and check in gently, because stillness can mean fear or overwhelm.",
                            },
                            {
                                "label": "Shallow breathing",
                                "text": "Stop, help your partner sit up and let their breathing settle.",
                            },
                            {
                                "label": "Pulling away",
                                "text": "Stop that sensation at once and ask what they need.",
                            },
                            {
                                "label": "Sharp or unexpected pain",
                                "text": "Stop immediately and check for injury.",
                            },
                            {
                                "label": "No response",
                                "text": "If your partner seems dazed or does not answer, release them, stay with them and get medical help if it does not pass quickly.",
                            },
                        ],
                    },
                ],
                "picks": [],
            },
            {
                "heading": "Keep it sober",
                "anchor": "no-alcohol-or-drugs",
                "body": (
                    "Rough play and alcohol or drugs do not mix, for practical reasons:\n\n"
                    "- **Consent needs a clear head.** Someone who is drunk or high cannot "
                    "give consent you can rely on, and their partner's judgement is clouded "
                    "too.\n"
                    "- **Judgement and coordination slip:** aim, grip and noticing warning "
                    "signs all get worse.\n"
                    "- **Pain is muffled.** Someone may not feel that a strike is too hard, a "
                    "cuff too tight or a ring on too long until harm is already done.\n\n"
                    "If anyone has been drinking or using, save play for another day."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Breath play and choking: why we say no",
                "anchor": "no-breath-play",
                "body": (
                    "We want to be plain: **Safeword does not promote breath play or "
                    "choking, and sells nothing for it.**\n\n"
                    "There is **no safe way** to restrict someone's breathing or press on "
                    "their neck. The neck carries the airway and the blood supply to the "
                    "brain, and **harm can happen in seconds and without warning**, even when "
                    "everyone is careful, experienced and sober; some injuries only show "
                    "hours or days later. And **a safe word does not work when someone cannot "
                    "speak or is losing consciousness**.\n\n"
                    "If the idea appeals, talk about what draws you to it, which is often a "
                    "feeling of intensity, surrender or trust, and look for those feelings in "
                    "the safer play described here. If anything involving the neck has ever "
                    "left someone dizzy, confused, hoarse or struggling to swallow, get "
                    "medical help straight away."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Aftercare",
                "anchor": "aftercare",
                "body": (
                    "Aftercare is how you look after each other once play ends. Strong "
                    "sensation and strong feelings can leave people shaky, tearful, giddy or "
                    "very tired, all of which is normal. It is for both partners, and what "
                    "each needs varies, so ask beforehand.\n\n"
                    "Be ready for **drop**: a day or two later, some people feel low, flat or "
                    "anxious. It usually passes, but a message the next day asking how your "
                    "partner is feeling can make a real difference."
                ),
                "category": None,
                "callouts": [
                    {
                        "kind": "aftercare",
                        "title": "Aftercare checklist",
                        "items": [
                            {
                                "label": "Water",
                                "text": "Keep water within reach, because intense play is thirsty work.",
                            },
                            {
                                "label": "Snacks",
                                "text": "Something sweet, like fruit or chocolate, helps steady energy and mood.",
                            },
                            {
                                "label": "Holding",
                                "text": "A cuddle or a warm blanket helps the body settle, if your partner wants it.",
                            },
                            {
                                "label": "Reassurance",
                                "text": "Say out loud that you enjoyed it and that they did nothing wrong.",
                            },
                            {
                                "label": "Talking it over later",
                                "text": "A day or so afterwards, chat about what felt great and what you would change.",
                            },
                        ],
                    },
                ],
                "picks": [],
            },
            {
                "heading": "Go at your own pace",
                "anchor": "closing",
                "body": (
                    "Rough play done well is built on trust: agree what you want, keep "
                    "talking, pay attention and look after each other afterwards. The gear "
                    "helps, but it is the care around it that makes play safe and good. Go "
                    "at your own pace; nothing here is a test, and it is always fine to "
                    "stop, talk and try again another day."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
        ],
    },
    {
        "slug": "choosing-a-lubricant",
        "title": "Choosing a lubricant",
        "summary": (
            "Water, silicone, oil or hybrid? How to pick a lube that suits your body, "
            "your toys and your condoms, and what to look for on the label."
        ),
        "author": "The Safeword editors",
        "sections": [
            {
                "heading": "Why lube matters",
                "anchor": "why-lube",
                "body": (
                    "Lubricant makes almost everything more comfortable. It cuts friction, "
                    "protects delicate skin from soreness and tiny tears, and helps toys glide "
                    "rather than drag. Reaching for lube says nothing about desire or about "
                    "your body; it is simply a useful tool, like good shoes for a long walk. "
                    "The trick is choosing one that suits your skin, your toys and the "
                    "protection you use."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "The four bases",
                "anchor": "the-four-bases",
                "body": (
                    "Every lube is built on one of four bases, and each comes with "
                    "trade-offs.\n\n"
                    "**Water-based**\n\n"
                    "- Pros: safe with every toy material and every kind of condom, washes "
                    "off easily, rarely stains and is easy to find.\n"
                    "- Cons: dries out faster, so you may need to top up; some formulas "
                    "contain additives that bother sensitive skin.\n\n"
                    "**Silicone-based**\n\n"
                    "- Pros: very slick and long-lasting, needs little reapplying, holds up "
                    "in water and is safe with latex condoms.\n"
                    "- Cons: can degrade silicone toys; harder to wash off skin and fabric; "
                    "can leave bath and shower floors slippery.\n\n"
                    "**Oil-based**\n\n"
                    "- Pros: rich, long-lasting and lovely for massage.\n"
                    "- Cons: degrades latex condoms; can stain fabric; takes more effort to "
                    "wash off.\n\n"
                    "**Hybrid** (usually water and silicone blended)\n\n"
                    "- Pros: a creamy feel that lasts longer than water-based lube and "
                    "washes off more easily than pure silicone.\n"
                    "- Cons: the silicone content means it can degrade silicone toys, just "
                    "as silicone lube can."
                ),
                "category": "lubricants",
                "callouts": [],
                "picks": [
                    {
                        "product": "everyday-water-glide",
                        "level": "beginner",
                        "reason": "Water-based and thin: safe with every toy material and every condom, and it rinses off with water.",
                    },
                    {
                        "product": "travel-water-sachets",
                        "level": "beginner",
                        "reason": "Try a water-based lube for the price of a coffee before committing to a full bottle.",
                    },
                    {
                        "product": "balance-hybrid-cream",
                        "level": "beginner",
                        "reason": "A hybrid to feel the difference: creamier and longer-lasting than water, easier to wash off than silicone.",
                    },
                    {
                        "product": "silk-silicone-serum",
                        "level": "experienced",
                        "reason": "A few drops last a long time and hold up in the shower; latex-safe, but not for silicone toys.",
                    },
                    {
                        "product": "long-session-silicone-gel",
                        "level": "experienced",
                        "reason": "Thick silicone gel for long sessions where the glide must not fade; keep it away from silicone toys.",
                    },
                    {
                        "product": "coconut-oil-balm",
                        "level": "experienced",
                        "reason": "Oil-based and lovely for massage, but never with latex condoms or latex toys: choose it only if you use neither.",
                    },
                ],
            },
            {
                "heading": "Toys and condoms",
                "anchor": "compatibility",
                "body": (
                    "**With toys.** Silicone-based and hybrid lubes can react with silicone "
                    "toys, leaving the surface tacky, cloudy or pitted. A damaged surface is "
                    "harder to clean properly, so the toy may need replacing. Water-based "
                    "lube is safe with every material. If you would like to use a silicone or "
                    "hybrid lube with a silicone toy, **patch test on a hidden spot** first: "
                    "rub a little onto the base or handle, leave it for a day, wipe it off "
                    "and check for any change in texture. Some makers say which lubes their "
                    "toys tolerate, so read the instructions. Glass, metal and hard plastic "
                    "toys are happy with any base.\n\n"
                    "**With condoms.** Oil-based lube weakens latex quickly and raises the "
                    "chance of a tear, so never combine the two. **Water-based and "
                    "silicone-based lubes are fine with latex condoms.** Most hybrids are too, "
                    "but check the label for added oils. If you use non-latex condoms, for "
                    "example because of a latex allergy, check the packet: polyurethane "
                    "copes with oil, while polyisoprene, like latex, does not."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Thin or thick",
                "anchor": "thickness",
                "body": (
                    "Lubes range from thin and watery to thick, cushioning gels.\n\n"
                    "- **Thin** lubes feel light and natural, spread easily and suit gentle "
                    "touch and small toys such as bullet vibes. They may need topping up "
                    "more often.\n"
                    "- **Thick** lubes and gels stay where you put them, cushion better and "
                    "last longer. They help with longer or more vigorous sessions, with "
                    "larger toys, and whenever the body is not providing much moisture of "
                    "its own.\n\n"
                    "If you are unsure, a medium-bodied water-based lube is a sensible middle "
                    "ground. You can always add more."
                ),
                "category": None,
                "callouts": [],
                "picks": [],
            },
            {
                "heading": "Reading the label",
                "anchor": "reading-labels",
                "body": (
                    "The ingredients list tells you more than the marketing does.\n\n"
                    "- **Glycerin** is common in water-based lube and adds slickness and a "
                    "faint sweetness. Some people find it irritating, or notice it upsets "
                    "their natural balance, so look for glycerin-free formulas if that "
                    "sounds like you.\n"
                    "- **Fragrance, flavour and 'warming' or 'tingling' additives** are fun "
                    "for some and irritating for many. With **sensitive skin**, plain and "
                    "unscented is the safer choice.\n"
                    "- **Preservatives** such as parabens keep lube fresh; some people prefer "
                    "to avoid them and choose paraben-free options.\n"
                    "- **Base clues:** names ending in '-cone' or '-siloxane', such as "
                    "dimethicone, mean silicone; plant oils or butters mean an oil base. "
                    "Words like 'latex-safe' and 'toy-safe' are helpful, but still check the "
                    "base yourself.\n\n"
                    "With sensitive skin, try a small amount on your inner arm a day before "
                    "using it more widely, and stop using anything that stings, itches or "
                    "burns."
                ),
                "category": None,
                "callouts": [
                    {
                        "kind": "tip",
                        "title": "Not sure where to start?",
                        "items": [
                            {
                                "label": "Start with water-based",
                                "text": "A plain, unscented, glycerin-free water-based lube is safe with every toy and condom, which makes it an easy first bottle.",
                            },
                            {
                                "label": "Keep it within reach",
                                "text": "Put the bottle by the bed before you begin, so topping up never means breaking the mood.",
                            },
                            {
                                "label": "Check the date",
                                "text": "Lube does expire; if it smells odd, has separated or is past its date, replace it.",
                            },
                        ],
                    },
                ],
                "picks": [],
            },
        ],
    },
]
