"""Demo catalog for Safeword: safety notes, materials, the five categories and their products.

Pure data, read by the `seed_demo` management command. Every brand and product is fictional
and every sentence was written for this site. Tone: frank, warm, non-explicit, safety first.

Rules the data keeps (the finder's hard filters rely on them):
- beginner-tagged restraints are always quick release;
- beginner-tagged cock rings are only "soft" or "adjustable", never "rigid";
- beginner-tagged impact toys are only intensity 1 or 2;
- every product has at least one applicable safety note (its category's notes count).
"""

# key -> (severity, text). Severity is "info", "caution" or "warning".
SAFETY_NOTES = {
    # --- impact (category) ---
    "impact-start-light": (
        "caution",
        "Start lighter than you think you need to and build up slowly. "
        "You can always add more; you cannot take a strike back.",
    ),
    "impact-fleshy-areas": (
        "warning",
        "Strike only fleshy areas such as the buttocks and thighs. "
        "Never the spine, kidneys, joints, head or neck.",
    ),
    "impact-check-in": (
        "info",
        "Check in often and stop at once on your safe word, a 'red', or any sign of distress.",
    ),
    # --- impact (product) ---
    "impact-paddle-edge": (
        "caution",
        "Land the flat face, never the edge: an edge concentrates the force and can bruise or cut.",
    ),
    "impact-high-intensity": (
        "warning",
        "Intense toy for experienced players who have warmed up first. "
        "It can bruise or mark the skin even at moderate force.",
    ),
    "impact-wood-inspect": (
        "caution",
        "Inspect the wood before every use and retire it if the finish cracks or splinters.",
    ),
    "impact-tails-wrap": (
        "caution",
        "Tails can wrap around the body: stand at the right distance and keep clear of the ribs "
        "and the front of the torso.",
    ),
    # --- restraints (category) ---
    "restraints-shears": (
        "warning",
        "Keep safety shears within reach whenever anyone is restrained.",
    ),
    "restraints-circulation": (
        "warning",
        "Check hands and feet often for numbness, tingling, cold or colour change, "
        "and release at once if you notice any.",
    ),
    "restraints-never-alone": (
        "warning",
        "Never leave a restrained person alone, not even for a moment.",
    ),
    "restraints-quick-release": (
        "info",
        "Quick release matters: you should be able to open every restraint in seconds. "
        "If you are new to this, use quick-release restraints only.",
    ),
    # --- restraints (product) ---
    "restraints-not-quick-release": (
        "warning",
        "Not quick release: keep safety shears within reach and practise getting out of it "
        "before you play.",
    ),
    "restraints-two-fingers": (
        "caution",
        "Fasten loosely enough that two fingers slide under the cuff, and never over a joint.",
    ),
    "restraints-spreader": (
        "caution",
        "A spreader bar holds joints open: keep the width comfortable and change position often.",
    ),
    "restraints-under-bed": (
        "caution",
        "Check every strap and clip before each use, and anchor the system only under "
        "a heavy, stable mattress.",
    ),
    "shears-within-reach": (
        "info",
        "Keep the shears within arm's reach, not in a drawer, whenever someone is restrained. "
        "Test them on an offcut of your restraint material first.",
    ),
    "shears-blade-care": (
        "info",
        "Slide the blunt lower blade against the skin and cut away from the body. "
        "Replace the shears if they stop cutting cleanly.",
    ),
    # --- cock rings (category) ---
    "rings-20-minutes": (
        "warning",
        "Remove after about 20 minutes, or at once on numbness, coldness or discolouration.",
    ),
    "rings-beginners-soft": (
        "caution",
        "New to rings? Start with a soft, stretchy or adjustable ring, never a rigid one.",
    ),
    "rings-never-sleep": (
        "warning",
        "Never fall asleep wearing a ring.",
    ),
    # --- cock rings (product) ---
    "ring-rigid-size": (
        "warning",
        "Rigid ring: size carefully, as it cannot be removed quickly. "
        "Measure first and never size down.",
    ),
    "ring-adjustable-check": (
        "caution",
        "Set it loose first and tighten only to comfort; it should never pinch.",
    ),
    # --- lubricants (category) ---
    "lube-silicone-toys": (
        "caution",
        "Silicone-based and hybrid lubes can degrade silicone toys. "
        "Use a water-based lube with silicone toys.",
    ),
    "lube-oil-latex": (
        "warning",
        "Oil-based lube degrades latex condoms and can make them fail. "
        "Use water- or silicone-based lube with latex.",
    ),
    "lube-rough-play": (
        "info",
        "Rougher or longer play needs more lube: reapply early and often.",
    ),
    # --- lubricants (product) ---
    "lube-silicone-based": (
        "caution",
        "Silicone-based: do not use with silicone toys.",
    ),
    "lube-hybrid": (
        "caution",
        "Hybrid lube contains silicone: do not use with silicone toys.",
    ),
    "lube-oil-based": (
        "warning",
        "Oil-based: not with latex condoms or latex toys.",
    ),
    "lube-slippery-surfaces": (
        "info",
        "It makes floors, baths and shower trays slippery: wipe up spills straight away.",
    ),
    "lube-patch-test": (
        "info",
        "Sensitive skin? Patch-test a little on your inner arm and wait a day before first use.",
    ),
    # --- vibrators (category) ---
    "vibes-clean": (
        "info",
        "Clean before and after every use with warm water and mild soap or a toy cleaner.",
    ),
    "vibes-charging-port": (
        "caution",
        "Check the charging port is sealed before the toy goes anywhere near water.",
    ),
    "vibes-lowest-setting": (
        "info",
        "Start on the lowest setting and step up slowly.",
    ),
    # --- vibrators (product) ---
    "vibe-not-waterproof": (
        "caution",
        "Not waterproof: wipe clean only, never rinse under the tap or submerge it.",
    ),
    "vibe-wand-strong": (
        "caution",
        "Powerful motor: start over clothing or a towel and take breaks to avoid numbness.",
    ),
    "vibe-mains-powered": (
        "warning",
        "Mains powered: keep it and its cable well away from water, and unplug it after use.",
    ),
    "vibe-egg-cord": (
        "caution",
        "Internal use only with the retrieval cord attached; check the cord before every use "
        "and retire the toy if it frays.",
    ),
    "vibe-ring-20-minutes": (
        "warning",
        "Worn as a ring: remove after about 20 minutes, or at once on numbness, "
        "coldness or discolouration.",
    ),
    # --- shared (product) ---
    "latex-allergy": (
        "warning",
        "Contains natural latex: not for anyone with a latex allergy.",
    ),
    "silicone-toy-lube": (
        "info",
        "Silicone toy: pair it with water-based lube, as silicone-based and hybrid lubes "
        "can degrade it.",
    ),
    "porous-material": (
        "info",
        "Porous material: it cannot be fully sterilised, so keep it for one person and "
        "do not use it on broken skin.",
    ),
}

MATERIALS = [
    {
        "slug": "silicone",
        "name": "Platinum-cure silicone",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": True,
    },
    {
        "slug": "natural-latex",
        "name": "Natural latex rubber",
        "body_safe": True,
        "contains_latex": True,
        "is_silicone": False,
    },
    {
        "slug": "vegan-leather",
        "name": "Vegan leather",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "leather",
        "name": "Vegetable-tanned leather",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "stainless-steel",
        "name": "Medical-grade stainless steel",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "nylon-webbing",
        "name": "Nylon webbing",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "tpe",
        "name": "TPE (thermoplastic elastomer)",
        "body_safe": False,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "abs-plastic",
        "name": "ABS plastic",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "bamboo",
        "name": "Sealed bamboo",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "hardwood",
        "name": "Sealed oak hardwood",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "neoprene",
        "name": "Neoprene",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
    {
        "slug": "faux-fur",
        "name": "Faux fur lining",
        "body_safe": True,
        "contains_latex": False,
        "is_silicone": False,
    },
]

CATEGORIES = [
    {
        "slug": "impact",
        "name": "Impact toys",
        "kind": "impact",
        "position": 1,
        "intro": (
            "Paddles, slappers and floggers, from a soft pat to a firm, deep thud. "
            "Each one is rated for intensity and for sting or thud, so you can start gently "
            "and build up together. Agree limits first and keep checking in."
        ),
        "notes": ["impact-start-light", "impact-fleshy-areas", "impact-check-in"],
    },
    {
        "slug": "restraints",
        "name": "Restraints",
        "kind": "restraints",
        "position": 2,
        "intro": (
            "Cuffs, ankle restraints, spreader bars and under-bed systems. "
            "Every product tells you whether it opens with a quick release, and we show new "
            "customers quick-release pieces only. Safety shears belong in every kit."
        ),
        "notes": [
            "restraints-shears",
            "restraints-circulation",
            "restraints-never-alone",
            "restraints-quick-release",
        ],
    },
    {
        "slug": "cock-rings",
        "name": "Cock rings",
        "kind": "cock-rings",
        "position": 3,
        "intro": (
            "Soft stretchy rings, adjustable straps and rigid metal rings. "
            "If you are new, begin with a soft or adjustable ring; rigid rings are for people "
            "who know their size and how their body responds. Keep sessions short."
        ),
        "notes": ["rings-20-minutes", "rings-beginners-soft", "rings-never-sleep"],
    },
    {
        "slug": "lubricants",
        "name": "Lubricants",
        "kind": "lubricants",
        "position": 4,
        "intro": (
            "Water-based, silicone-based, oil-based and hybrid lubes, thin and thick. "
            "The base decides what it is compatible with: check it against your toys and your "
            "condoms before you buy. When in doubt, water-based works with everything."
        ),
        "notes": ["lube-silicone-toys", "lube-oil-latex", "lube-rough-play"],
    },
    {
        "slug": "vibrators",
        "name": "Vibrators",
        "kind": "vibrators",
        "position": 5,
        "intro": (
            "Bullets, wands, eggs, rabbits, rings and massagers. "
            "A small bullet is a gentle, affordable start; wands are stronger and broader. "
            "Each listing says where it is meant to be used, whether it is waterproof and how "
            "loud it is."
        ),
        "notes": ["vibes-clean", "vibes-charging-port", "vibes-lowest-setting"],
    },
]

PRODUCTS = [
    # ------------------------------------------------------------------ impact
    {
        "sku": "SW-IMP-001",
        "slug": "feather-light-paddle",
        "name": "Feather-Light Paddle",
        "brand": "Kindred Works",
        "category": "impact",
        "description": (
            "A small, flexible silicone paddle, 28 cm long with a 9 cm round face. "
            "It gives a soft, spread-out thud rather than a sharp sting, which makes it a good "
            "first toy for finding out what you both enjoy. Wash with warm water and mild soap "
            "and let it dry flat."
        ),
        "price": "24.00",
        "stock": 14,
        "published": True,
        "featured": True,
        "levels": ["beginner"],
        "materials": ["silicone"],
        "attributes": {"intensity": 1, "sensation": "thud"},
        "notes": ["impact-paddle-edge"],
    },
    {
        "sku": "SW-IMP-002",
        "slug": "two-face-slapper",
        "name": "Two-Face Slapper",
        "brand": "Harbour & Hush",
        "category": "impact",
        "description": (
            "A light, 32 cm slapper with a plush faux fur side for stroking and a smooth vegan "
            "leather side for a gentle, bright sting. Switching sides is an easy way to vary "
            "sensation without raising the force. Wipe the smooth side with a damp cloth; "
            "brush the fur side and spot-clean only."
        ),
        "price": "19.00",
        "stock": 20,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["vegan-leather", "faux-fur"],
        "attributes": {"intensity": 2, "sensation": "sting"},
        "notes": ["impact-paddle-edge"],
    },
    {
        "sku": "SW-IMP-003",
        "slug": "soft-suede-flogger",
        "name": "Soft Suede Flogger",
        "brand": "Meridian Knot",
        "category": "impact",
        "description": (
            "Thirty wide suede tails, 45 cm long, on a wrapped 18 cm handle. "
            "The tails land as a broad, warm thud, so it suits a slow warm-up for beginners and "
            "a gentle opener for experienced players. Brush out after use, keep it dry and "
            "treat the handle with leather balm now and then."
        ),
        "price": "38.00",
        "stock": 9,
        "published": True,
        "featured": True,
        "levels": ["beginner", "experienced"],
        "materials": ["leather"],
        "attributes": {"intensity": 2, "sensation": "thud"},
        "notes": ["impact-tails-wrap", "porous-material"],
    },
    {
        "sku": "SW-IMP-004",
        "slug": "bamboo-practice-paddle",
        "name": "Bamboo Practice Paddle",
        "brand": "Fernhollow",
        "category": "impact",
        "description": (
            "A laminated bamboo paddle, 38 cm long with an 11 cm face and rounded corners. "
            "Firmer than silicone, it delivers a solid mid-range thud. Wipe with a damp cloth "
            "and mild soap, never soak it, and store it away from radiators."
        ),
        "price": "29.00",
        "stock": 11,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["bamboo"],
        "attributes": {"intensity": 3, "sensation": "thud"},
        "notes": ["impact-paddle-edge", "impact-wood-inspect"],
    },
    {
        "sku": "SW-IMP-005",
        "slug": "rubber-rain-flogger",
        "name": "Rubber Rain Flogger",
        "brand": "Saltmarsh Supply",
        "category": "impact",
        "description": (
            "Forty narrow natural rubber tails, 40 cm long, on a weighted handle. "
            "Rubber bites far more than suede, so expect a sharp, lively sting even with small "
            "movements. Rinse in warm soapy water, hang to dry and dust lightly with cornflour "
            "to stop the tails sticking."
        ),
        "price": "46.00",
        "stock": 6,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["natural-latex"],
        "attributes": {"intensity": 4, "sensation": "sting"},
        "notes": ["latex-allergy", "impact-tails-wrap", "impact-high-intensity"],
    },
    {
        "sku": "SW-IMP-006",
        "slug": "heritage-leather-strap",
        "name": "Heritage Leather Strap",
        "brand": "Meridian Knot",
        "category": "impact",
        "description": (
            "A double-layer leather strap, 50 cm long and 5 cm wide, stitched around a stiff "
            "core. It lands with a strong, focused sting that builds quickly, so work up to it. "
            "Wipe with a barely damp cloth and condition the leather every few months."
        ),
        "price": "64.00",
        "stock": 5,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["leather"],
        "attributes": {"intensity": 4, "sensation": "sting"},
        "notes": ["impact-high-intensity", "porous-material"],
    },
    {
        "sku": "SW-IMP-007",
        "slug": "weighted-oak-paddle",
        "name": "Weighted Oak Paddle",
        "brand": "Fernhollow",
        "category": "impact",
        "description": (
            "A solid oak paddle, 40 cm long with a 12 cm face and a lacquered finish. "
            "Its weight gives a deep, heavy thud with very little effort: one of the most "
            "intense toys we sell. Wipe clean, never soak, and check the surface before "
            "every session."
        ),
        "price": "72.00",
        "stock": 4,
        "published": True,
        "featured": True,
        "levels": ["experienced"],
        "materials": ["hardwood"],
        "attributes": {"intensity": 5, "sensation": "thud"},
        "notes": ["impact-paddle-edge", "impact-wood-inspect", "impact-high-intensity"],
    },
    {
        "sku": "SW-IMP-008",
        "slug": "slim-silicone-crop",
        "name": "Slim Silicone Crop",
        "brand": "Kindred Works",
        "category": "impact",
        "description": (
            "A 60 cm crop with a flexible core sealed in silicone and a small flat keeper at "
            "the tip. It concentrates force on a tiny area for a very sharp sting, so it calls "
            "for precision and a light wrist. Wash with mild soap and warm water."
        ),
        "price": "42.00",
        "stock": 7,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["silicone"],
        "attributes": {"intensity": 5, "sensation": "sting"},
        "notes": ["impact-high-intensity"],
    },
    {
        "sku": "SW-IMP-009",
        "slug": "neoprene-pillow-paddle",
        "name": "Neoprene Pillow Paddle",
        "brand": "Harbour & Hush",
        "category": "impact",
        "description": (
            "A padded neoprene paddle, 30 cm long, that feels more like a firm pat than a "
            "strike. It is the gentlest toy in the range and makes a satisfying sound without "
            "much force. Hand-wash in cool soapy water and air-dry."
        ),
        "price": "16.00",
        "stock": 0,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["neoprene"],
        "attributes": {"intensity": 1, "sensation": "thud"},
        "notes": [],
    },
    {
        "sku": "SW-IMP-010",
        "slug": "twin-layer-leather-paddle",
        "name": "Twin-Layer Leather Paddle",
        "brand": "Meridian Knot",
        "category": "impact",
        "description": (
            "A paddle of two stitched leather layers, 35 cm long, that is stiff enough for a "
            "crisp, medium sting. Condition the leather occasionally and store it flat. "
            "Coming soon while we finish testing the stitching."
        ),
        "price": "54.00",
        "stock": 8,
        "published": False,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["leather"],
        "attributes": {"intensity": 3, "sensation": "sting"},
        "notes": ["impact-paddle-edge", "porous-material"],
    },
    {
        "sku": "SW-IMP-011",
        "slug": "wide-tail-rubber-flogger",
        "name": "Wide-Tail Rubber Flogger",
        "brand": "Saltmarsh Supply",
        "category": "impact",
        "description": (
            "Twelve broad, soft natural rubber tails, 35 cm long, on a short handle. "
            "The wide tails spread the force into a gentle, rolling thud, unlike our narrow "
            "rubber flogger. Rinse in warm soapy water and hang to dry."
        ),
        "price": "22.00",
        "stock": 10,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["natural-latex"],
        "attributes": {"intensity": 2, "sensation": "thud"},
        "notes": ["latex-allergy", "impact-tails-wrap"],
    },
    # -------------------------------------------------------------- restraints
    {
        "sku": "SW-RES-001",
        "slug": "soft-cuff-set",
        "name": "Soft Cuff Set",
        "brand": "Meridian Knot",
        "category": "restraints",
        "description": (
            "A pair of vegan leather wrist cuffs lined with faux fur, 6 cm wide and adjustable "
            "from 15 to 22 cm. Side-release buckles open with one squeeze, and a short clip "
            "joins or separates the cuffs. Wipe the outside clean and spot-clean the lining."
        ),
        "price": "34.00",
        "stock": 18,
        "published": True,
        "featured": True,
        "levels": ["beginner"],
        "materials": ["vegan-leather", "faux-fur"],
        "attributes": {"restraint_type": "wrist", "quick_release": True},
        "notes": ["restraints-two-fingers"],
    },
    {
        "sku": "SW-RES-002",
        "slug": "hook-and-loop-starter-cuffs",
        "name": "Hook-and-Loop Starter Cuffs",
        "brand": "Kindred Works",
        "category": "restraints",
        "description": (
            "Padded neoprene wrist cuffs with a wide hook-and-loop closure that peels open in "
            "a second, joined by a 20 cm nylon strap. They hold gently rather than firmly, "
            "which is exactly what a first try needs. Machine-wash cool in a laundry bag."
        ),
        "price": "18.00",
        "stock": 25,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["neoprene", "nylon-webbing"],
        "attributes": {"restraint_type": "wrist", "quick_release": True},
        "notes": ["restraints-two-fingers"],
    },
    {
        "sku": "SW-RES-003",
        "slug": "blunt-tip-safety-shears",
        "name": "Blunt-Tip Safety Shears",
        "brand": "Tidewell",
        "category": "restraints",
        "description": (
            "Angled stainless steel shears, 19 cm long, with a rounded lower blade that slides "
            "safely under cuffs, straps and rope. They cut webbing and leather in one pass. "
            "Wipe the blades with alcohol after use and keep them with your restraints."
        ),
        "price": "8.00",
        "stock": 40,
        "published": True,
        "featured": True,
        "levels": ["beginner", "experienced"],
        "materials": ["stainless-steel", "abs-plastic"],
        "attributes": {"restraint_type": "safety-shears", "quick_release": True},
        "notes": ["shears-within-reach", "shears-blade-care"],
    },
    {
        "sku": "SW-RES-004",
        "slug": "quick-clip-ankle-cuffs",
        "name": "Quick-Clip Ankle Cuffs",
        "brand": "Kindred Works",
        "category": "restraints",
        "description": (
            "Neoprene-padded ankle cuffs, 7 cm wide, fitting 20 to 30 cm, each with a "
            "side-release clip and a D-ring for a connecting strap. They pair with our Soft "
            "Cuff Set or the Under-Bed Tether System. Hand-wash and air-dry."
        ),
        "price": "24.00",
        "stock": 15,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["neoprene", "nylon-webbing"],
        "attributes": {"restraint_type": "ankle", "quick_release": True},
        "notes": ["restraints-two-fingers"],
    },
    {
        "sku": "SW-RES-005",
        "slug": "latex-lined-wrist-cuffs",
        "name": "Latex-Lined Wrist Cuffs",
        "brand": "Saltmarsh Supply",
        "category": "restraints",
        "description": (
            "Leather wrist cuffs with a smooth natural latex lining that grips without "
            "chafing, 5 cm wide and adjustable from 14 to 21 cm. Each closes with a "
            "quick-release snap hook. Wipe the lining with a damp cloth and let it dry away "
            "from sunlight."
        ),
        "price": "42.00",
        "stock": 8,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["leather", "natural-latex"],
        "attributes": {"restraint_type": "wrist", "quick_release": True},
        "notes": ["latex-allergy", "restraints-two-fingers"],
    },
    {
        "sku": "SW-RES-006",
        "slug": "under-bed-tether-system",
        "name": "Under-Bed Tether System",
        "brand": "Harbour & Hush",
        "category": "restraints",
        "description": (
            "Four adjustable nylon straps joined under the mattress, each ending in a padded "
            "neoprene cuff with a quick-release clip. It fits mattresses up to 200 cm and "
            "packs away flat when you are done. Machine-wash the cuffs cool; wipe the straps."
        ),
        "price": "58.00",
        "stock": 7,
        "published": True,
        "featured": True,
        "levels": ["beginner", "experienced"],
        "materials": ["nylon-webbing", "neoprene"],
        "attributes": {"restraint_type": "under-bed", "quick_release": True},
        "notes": ["restraints-under-bed", "restraints-two-fingers"],
    },
    {
        "sku": "SW-RES-007",
        "slug": "locking-leather-cuffs",
        "name": "Locking Leather Cuffs",
        "brand": "Meridian Knot",
        "category": "restraints",
        "description": (
            "Heavy vegetable-tanned leather wrist cuffs, 7 cm wide, closing with a steel "
            "buckle and a lockable D-ring. They feel firm and secure, and they take a few "
            "seconds to undo, so they are for experienced players only. Condition the "
            "leather twice a year."
        ),
        "price": "89.00",
        "stock": 5,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["leather", "stainless-steel"],
        "attributes": {"restraint_type": "wrist", "quick_release": False},
        "notes": ["restraints-not-quick-release", "restraints-two-fingers", "porous-material"],
    },
    {
        "sku": "SW-RES-008",
        "slug": "adjustable-spreader-bar",
        "name": "Adjustable Spreader Bar",
        "brand": "Tidewell",
        "category": "restraints",
        "description": (
            "A stainless steel bar that extends from 60 to 90 cm, with neoprene-padded "
            "buckle cuffs at each end. Set the width before anyone is fastened in, and keep "
            "the stance comfortable. Wipe the bar with a damp cloth and dry it well."
        ),
        "price": "74.00",
        "stock": 4,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["stainless-steel", "neoprene"],
        "attributes": {"restraint_type": "spreader", "quick_release": False},
        "notes": ["restraints-not-quick-release", "restraints-spreader"],
    },
    {
        "sku": "SW-RES-009",
        "slug": "heavy-buckle-ankle-cuffs",
        "name": "Heavy Buckle Ankle Cuffs",
        "brand": "Meridian Knot",
        "category": "restraints",
        "description": (
            "Thick leather ankle cuffs, 8 cm wide, fitting 22 to 32 cm, each fastened with "
            "a double-pin roller buckle. They match the Locking Leather Cuffs. "
            "Keep them dry and condition the leather now and then."
        ),
        "price": "68.00",
        "stock": 0,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["leather", "stainless-steel"],
        "attributes": {"restraint_type": "ankle", "quick_release": False},
        "notes": ["restraints-not-quick-release", "porous-material"],
    },
    {
        "sku": "SW-RES-010",
        "slug": "pocket-safety-shears",
        "name": "Pocket Safety Shears",
        "brand": "Tidewell",
        "category": "restraints",
        "description": (
            "Compact 14 cm shears with a blunt, angled tip and a bright handle that is easy to "
            "spot on a bedside table. A cheap spare for a travel bag or a second room. "
            "Wipe with alcohol after use."
        ),
        "price": "6.00",
        "stock": 30,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["stainless-steel", "abs-plastic"],
        "attributes": {"restraint_type": "safety-shears", "quick_release": True},
        "notes": ["shears-within-reach"],
    },
    {
        "sku": "SW-RES-011",
        "slug": "four-point-comfort-kit",
        "name": "Four-Point Comfort Kit",
        "brand": "Harbour & Hush",
        "category": "restraints",
        "description": (
            "An under-bed system with four fur-lined vegan leather cuffs, quick-release clips "
            "and a storage pouch, sized for beds up to 180 cm wide. "
            "Spot-clean the lining and wipe the straps. Coming soon."
        ),
        "price": "118.00",
        "stock": 6,
        "published": False,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["vegan-leather", "faux-fur", "nylon-webbing"],
        "attributes": {"restraint_type": "under-bed", "quick_release": True},
        "notes": ["restraints-under-bed", "restraints-two-fingers"],
    },
    # -------------------------------------------------------------- cock rings
    {
        "sku": "SW-RNG-001",
        "slug": "stretch-silicone-ring",
        "name": "Stretch Silicone Ring",
        "brand": "Quiet Orbit",
        "category": "cock-rings",
        "description": (
            "A soft, very stretchy silicone ring, 3.5 cm across at rest, that stretches to "
            "more than twice that for easy fitting and removal. A gentle first ring. "
            "Wash with warm soapy water and use a water-based lube."
        ),
        "price": "12.00",
        "stock": 30,
        "published": True,
        "featured": True,
        "levels": ["beginner"],
        "materials": ["silicone"],
        "attributes": {"ring_fit": "soft"},
        "notes": ["silicone-toy-lube"],
    },
    {
        "sku": "SW-RNG-002",
        "slug": "trio-stretch-ring-set",
        "name": "Trio Stretch Ring Set",
        "brand": "Quiet Orbit",
        "category": "cock-rings",
        "description": (
            "Three soft silicone rings of 3, 3.5 and 4 cm inner diameter, so you can find a "
            "comfortable fit before buying anything firmer. Each one stretches easily. "
            "Wash in warm soapy water and store them apart from other toys."
        ),
        "price": "19.00",
        "stock": 22,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["silicone"],
        "attributes": {"ring_fit": "soft"},
        "notes": ["silicone-toy-lube"],
    },
    {
        "sku": "SW-RNG-003",
        "slug": "natural-rubber-ring",
        "name": "Natural Rubber Ring",
        "brand": "Saltmarsh Supply",
        "category": "cock-rings",
        "description": (
            "A thin, springy natural rubber ring, 3.5 cm across, that feels light and snug. "
            "It works with water- or silicone-based lube but not oil. Rinse in warm water, "
            "dry well and store away from sunlight."
        ),
        "price": "9.00",
        "stock": 35,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["natural-latex"],
        "attributes": {"ring_fit": "soft"},
        "notes": ["latex-allergy"],
    },
    {
        "sku": "SW-RNG-004",
        "slug": "adjustable-lasso-ring",
        "name": "Adjustable Lasso Ring",
        "brand": "Quiet Orbit",
        "category": "cock-rings",
        "description": (
            "A silicone cord with a sliding bead, so you set the snugness yourself and loosen "
            "it in a second. The loop adjusts from about 2.5 to 5 cm across. "
            "Wash with warm soapy water and pair with a water-based lube."
        ),
        "price": "16.00",
        "stock": 17,
        "published": True,
        "featured": True,
        "levels": ["beginner", "experienced"],
        "materials": ["silicone"],
        "attributes": {"ring_fit": "adjustable"},
        "notes": ["ring-adjustable-check", "silicone-toy-lube"],
    },
    {
        "sku": "SW-RNG-005",
        "slug": "snap-fit-strap",
        "name": "Snap-Fit Strap",
        "brand": "Kindred Works",
        "category": "cock-rings",
        "description": (
            "A soft vegan leather strap with three press-stud positions, 2 cm wide, that "
            "pops open with a gentle pull. A good choice if you want adjustability without "
            "silicone. Wipe with a damp cloth and let it air-dry."
        ),
        "price": "22.00",
        "stock": 12,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["vegan-leather"],
        "attributes": {"ring_fit": "adjustable"},
        "notes": ["ring-adjustable-check"],
    },
    {
        "sku": "SW-RNG-006",
        "slug": "steel-halo-ring",
        "name": "Steel Halo Ring",
        "brand": "Tidewell",
        "category": "cock-rings",
        "description": (
            "A polished stainless steel ring sold in 4, 4.5 and 5 cm inner diameters. "
            "It feels smooth and weighty, and it does not stretch, so measure carefully and "
            "choose the larger size if you are between two. Wash with soap and water; it "
            "works with any lube."
        ),
        "price": "34.00",
        "stock": 10,
        "published": True,
        "featured": True,
        "levels": ["experienced"],
        "materials": ["stainless-steel"],
        "attributes": {"ring_fit": "rigid"},
        "notes": ["ring-rigid-size"],
    },
    {
        "sku": "SW-RNG-007",
        "slug": "weighted-steel-ring",
        "name": "Weighted Steel Ring",
        "brand": "Tidewell",
        "category": "cock-rings",
        "description": (
            "A broad, 1.5 cm deep stainless steel band with a noticeable weight, in 4.5 and "
            "5 cm inner diameters. For experienced wearers who already know their size. "
            "Warm it in your hands first, wash with soap and water, and dry it well."
        ),
        "price": "48.00",
        "stock": 6,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["stainless-steel"],
        "attributes": {"ring_fit": "rigid"},
        "notes": ["ring-rigid-size"],
    },
    {
        "sku": "SW-RNG-008",
        "slug": "brushed-steel-double-ring",
        "name": "Brushed Steel Double Ring",
        "brand": "Lanternfield",
        "category": "cock-rings",
        "description": (
            "Two brushed stainless steel rings joined by a short bridge, 4.5 cm inner "
            "diameter each. It is rigid and heavier than a single ring, so sizing matters "
            "twice over. Wash with soap and water."
        ),
        "price": "56.00",
        "stock": 0,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["stainless-steel"],
        "attributes": {"ring_fit": "rigid"},
        "notes": ["ring-rigid-size"],
    },
    {
        "sku": "SW-RNG-009",
        "slug": "dual-loop-stretch-ring",
        "name": "Dual Loop Stretch Ring",
        "brand": "Lanternfield",
        "category": "cock-rings",
        "description": (
            "Two soft connected loops in stretchy TPE, each 3 cm across at rest. "
            "TPE is softer than silicone but slightly porous. Wash well after each use and "
            "keep it for one person. Held back while we look for a silicone version."
        ),
        "price": "14.00",
        "stock": 20,
        "published": False,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["tpe"],
        "attributes": {"ring_fit": "soft"},
        "notes": ["porous-material"],
    },
    {
        "sku": "SW-RNG-010",
        "slug": "leather-snap-ring",
        "name": "Leather Snap Ring",
        "brand": "Meridian Knot",
        "category": "cock-rings",
        "description": (
            "A supple leather strap, 2.5 cm wide, with four snap positions and rounded edges. "
            "It gives a firmer hold than silicone while still opening in a second. "
            "Wipe with a damp cloth and condition the leather occasionally."
        ),
        "price": "26.00",
        "stock": 9,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["leather"],
        "attributes": {"ring_fit": "adjustable"},
        "notes": ["ring-adjustable-check", "porous-material"],
    },
    # -------------------------------------------------------------- lubricants
    {
        "sku": "SW-LUB-001",
        "slug": "everyday-water-glide",
        "name": "Everyday Water Glide",
        "brand": "Harbour & Hush",
        "category": "lubricants",
        "description": (
            "A light, thin water-based lube in a 100 ml pump bottle. It feels close to natural, "
            "rinses off with water and is safe with every toy material and every condom. "
            "The simplest first bottle to own."
        ),
        "price": "9.00",
        "stock": 60,
        "published": True,
        "featured": True,
        "levels": ["beginner", "experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "water", "thickness": "thin"},
        "notes": [],
    },
    {
        "sku": "SW-LUB-002",
        "slug": "cushion-water-gel",
        "name": "Cushion Water Gel",
        "brand": "Harbour & Hush",
        "category": "lubricants",
        "description": (
            "A thick water-based gel in a 150 ml tube that stays where you put it and "
            "gives a cushioned feel for longer or more vigorous play. Safe with silicone "
            "toys and latex condoms. Washes off with warm water."
        ),
        "price": "12.00",
        "stock": 45,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "water", "thickness": "thick"},
        "notes": [],
    },
    {
        "sku": "SW-LUB-003",
        "slug": "silk-silicone-serum",
        "name": "Silk Silicone Serum",
        "brand": "Lanternfield",
        "category": "lubricants",
        "description": (
            "A thin silicone-based lube in a 50 ml bottle: a few drops last a long time and "
            "it does not dry out, even in the shower. Safe with latex condoms and with steel, "
            "glass or wood toys, but not with silicone toys. Remove with soap and warm water."
        ),
        "price": "18.00",
        "stock": 28,
        "published": True,
        "featured": True,
        "levels": ["beginner", "experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "silicone", "thickness": "thin"},
        "notes": ["lube-silicone-based", "lube-slippery-surfaces"],
    },
    {
        "sku": "SW-LUB-004",
        "slug": "long-session-silicone-gel",
        "name": "Long-Session Silicone Gel",
        "brand": "Lanternfield",
        "category": "lubricants",
        "description": (
            "A thick silicone-based gel in a 100 ml bottle, made for long sessions and rough "
            "play where glide must not fade. It stays put and needs soap to wash off. "
            "Not for silicone toys; fine with latex condoms."
        ),
        "price": "26.00",
        "stock": 16,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "silicone", "thickness": "thick"},
        "notes": ["lube-silicone-based", "lube-slippery-surfaces"],
    },
    {
        "sku": "SW-LUB-005",
        "slug": "balance-hybrid-cream",
        "name": "Balance Hybrid Cream",
        "brand": "Fernhollow",
        "category": "lubricants",
        "description": (
            "A thick, creamy blend of water and a little silicone in a 100 ml tube. "
            "It lasts longer than a water gel and still rinses off easily. Safe with latex "
            "condoms, but keep it away from silicone toys."
        ),
        "price": "16.00",
        "stock": 24,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "hybrid", "thickness": "thick"},
        "notes": ["lube-hybrid"],
    },
    {
        "sku": "SW-LUB-006",
        "slug": "light-hybrid-lotion",
        "name": "Light Hybrid Lotion",
        "brand": "Fernhollow",
        "category": "lubricants",
        "description": (
            "A thin hybrid lotion in a 75 ml flip-top bottle, smooth and a little longer "
            "lasting than plain water-based lube. Latex-condom safe, not silicone-toy safe. "
            "Rinses off with warm water."
        ),
        "price": "14.00",
        "stock": 0,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": [],
        "attributes": {"lubricant_base": "hybrid", "thickness": "thin"},
        "notes": ["lube-hybrid"],
    },
    {
        "sku": "SW-LUB-007",
        "slug": "coconut-oil-balm",
        "name": "Coconut Oil Balm",
        "brand": "Saltmarsh Supply",
        "category": "lubricants",
        "description": (
            "A thick, solid-at-room-temperature balm of coconut and sunflower oils in a "
            "120 ml tin; it melts on contact and doubles as a massage balm. Never use it with "
            "latex condoms or latex toys. Wash off with soap and warm water."
        ),
        "price": "15.00",
        "stock": 19,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "oil", "thickness": "thick"},
        "notes": ["lube-oil-based", "lube-slippery-surfaces", "lube-patch-test"],
    },
    {
        "sku": "SW-LUB-008",
        "slug": "pure-plant-oil-glide",
        "name": "Pure Plant Oil Glide",
        "brand": "Saltmarsh Supply",
        "category": "lubricants",
        "description": (
            "A thin, unscented blend of plant oils in a 100 ml dropper bottle, that doubles as a "
            "massage oil. Not compatible with latex condoms. "
            "Launder sheets warm to lift any marks."
        ),
        "price": "13.00",
        "stock": 21,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "oil", "thickness": "thin"},
        "notes": ["lube-oil-based", "lube-slippery-surfaces", "lube-patch-test"],
    },
    {
        "sku": "SW-LUB-009",
        "slug": "travel-water-sachets",
        "name": "Travel Water Sachets",
        "brand": "Harbour & Hush",
        "category": "lubricants",
        "description": (
            "Ten single-use 4 ml sachets of our thin water-based lube, sized for a wallet or "
            "wash bag. A cheap way to try lube for the first time. Safe with every toy "
            "and condom."
        ),
        "price": "6.00",
        "stock": 80,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": [],
        "attributes": {"lubricant_base": "water", "thickness": "thin"},
        "notes": [],
    },
    {
        "sku": "SW-LUB-010",
        "slug": "sensitive-water-gel",
        "name": "Sensitive Water Gel",
        "brand": "Kindred Works",
        "category": "lubricants",
        "description": (
            "A fragrance-free, glycerin-free thick water gel in a 100 ml tube, made for "
            "sensitive skin. Safe with every toy and condom. Launching once the new "
            "packaging arrives."
        ),
        "price": "11.00",
        "stock": 30,
        "published": False,
        "featured": False,
        "levels": ["beginner"],
        "materials": [],
        "attributes": {"lubricant_base": "water", "thickness": "thick"},
        "notes": ["lube-patch-test"],
    },
    {
        "sku": "SW-LUB-011",
        "slug": "big-bottle-water-gel",
        "name": "Big Bottle Water Gel",
        "brand": "Harbour & Hush",
        "category": "lubricants",
        "description": (
            "Our thick water-based gel in a 500 ml pump bottle for people who go through a "
            "lot of lube and do not want to run out mid-session. Safe with silicone toys and "
            "latex condoms. Keep the pump clean and the cap on."
        ),
        "price": "29.00",
        "stock": 12,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": [],
        "attributes": {"lubricant_base": "water", "thickness": "thick"},
        "notes": [],
    },
    # -------------------------------------------------------------- vibrators
    {
        "sku": "SW-VIB-001",
        "slug": "pebble-bullet",
        "name": "Pebble Bullet",
        "brand": "Quiet Orbit",
        "category": "vibrators",
        "description": (
            "A 7 cm silicone bullet with one button, five gentle settings and a quiet hum: "
            "a gentle start for anyone new to vibrators. It is waterproof and charges by USB "
            "in an hour. Wash with warm soapy water and use a water-based lube."
        ),
        "price": "22.00",
        "stock": 26,
        "published": True,
        "featured": True,
        "levels": ["beginner"],
        "materials": ["silicone"],
        "attributes": {"vibrator_type": "bullet", "placement": "external", "waterproof": True},
        "notes": ["silicone-toy-lube"],
    },
    {
        "sku": "SW-VIB-002",
        "slug": "lipstick-bullet",
        "name": "Lipstick Bullet",
        "brand": "Lanternfield",
        "category": "vibrators",
        "description": (
            "A discreet 9 cm bullet in smooth ABS plastic that looks like a lipstick case and "
            "runs on one AAA battery. Three settings, splash- and dunk-proof, and it works "
            "with any lube. Wipe with a toy cleaner or mild soap."
        ),
        "price": "14.00",
        "stock": 32,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["abs-plastic"],
        "attributes": {"vibrator_type": "bullet", "placement": "external", "waterproof": True},
        "notes": [],
    },
    {
        "sku": "SW-VIB-003",
        "slug": "whisper-mini-bullet",
        "name": "Whisper Mini Bullet",
        "brand": "Quiet Orbit",
        "category": "vibrators",
        "description": (
            "Our quietest toy: a 6 cm silicone bullet that is barely audible through a closed "
            "door. Three soft settings, waterproof, USB rechargeable. Wash with warm soapy "
            "water and pair with a water-based lube."
        ),
        "price": "19.00",
        "stock": 18,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["silicone"],
        "attributes": {"vibrator_type": "bullet", "placement": "external", "waterproof": True},
        "notes": ["silicone-toy-lube"],
    },
    {
        "sku": "SW-VIB-004",
        "slug": "palm-massager",
        "name": "Palm Massager",
        "brand": "Fernhollow",
        "category": "vibrators",
        "description": (
            "A rounded 10 cm massager that sits in the palm, with a soft silicone face and an "
            "ABS shell. Its broad, rumbly vibration works for shoulders as well as more "
            "intimate massage. Waterproof; clean with warm soapy water."
        ),
        "price": "39.00",
        "stock": 13,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["silicone", "abs-plastic"],
        "attributes": {"vibrator_type": "massager", "placement": "external", "waterproof": True},
        "notes": ["silicone-toy-lube"],
    },
    {
        "sku": "SW-VIB-005",
        "slug": "cordless-wand",
        "name": "Cordless Wand",
        "brand": "Lanternfield",
        "category": "vibrators",
        "description": (
            "A 30 cm rechargeable wand with a flexible neck and a 6 cm silicone head. "
            "Eight settings, from a soft hum to a deep rumble, and about two hours per charge. "
            "Waterproof; wash the head with warm soapy water."
        ),
        "price": "79.00",
        "stock": 9,
        "published": True,
        "featured": True,
        "levels": ["beginner", "experienced"],
        "materials": ["silicone", "abs-plastic"],
        "attributes": {"vibrator_type": "wand", "placement": "external", "waterproof": True},
        "notes": ["vibe-wand-strong", "silicone-toy-lube"],
    },
    {
        "sku": "SW-VIB-006",
        "slug": "studio-plug-in-wand",
        "name": "Studio Plug-In Wand",
        "brand": "Lanternfield",
        "category": "vibrators",
        "description": (
            "A full-size mains wand, 33 cm long with a 2.5 m cable, for people who want the "
            "strongest, most consistent power we stock. Two speeds, both strong. "
            "Not waterproof: wipe the head with a damp cloth and a toy cleaner."
        ),
        "price": "99.00",
        "stock": 5,
        "published": True,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["silicone", "abs-plastic"],
        "attributes": {"vibrator_type": "wand", "placement": "external", "waterproof": False},
        "notes": [
            "vibe-wand-strong",
            "vibe-not-waterproof",
            "vibe-mains-powered",
            "silicone-toy-lube",
        ],
    },
    {
        "sku": "SW-VIB-007",
        "slug": "remote-egg",
        "name": "Remote Egg",
        "brand": "Quiet Orbit",
        "category": "vibrators",
        "description": (
            "A 7 cm silicone egg with a soft retrieval cord and a small remote that works up "
            "to 8 m away, so a partner can take the controls. Waterproof and USB "
            "rechargeable. Wash with warm soapy water and use a water-based lube."
        ),
        "price": "49.00",
        "stock": 10,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["silicone"],
        "attributes": {"vibrator_type": "egg", "placement": "internal", "waterproof": True},
        "notes": ["vibe-egg-cord", "silicone-toy-lube"],
    },
    {
        "sku": "SW-VIB-008",
        "slug": "dual-curve-rabbit",
        "name": "Dual Curve Rabbit",
        "brand": "Lanternfield",
        "category": "vibrators",
        "description": (
            "A 22 cm silicone rabbit with two independent motors, ten patterns each and a "
            "travel lock. Waterproof, with a magnetic charger that keeps the body sealed. "
            "Wash with warm soapy water and pair with a water-based lube."
        ),
        "price": "119.00",
        "stock": 4,
        "published": True,
        "featured": True,
        "levels": ["experienced"],
        "materials": ["silicone"],
        "attributes": {"vibrator_type": "rabbit", "placement": "internal", "waterproof": True},
        "notes": ["silicone-toy-lube"],
    },
    {
        "sku": "SW-VIB-009",
        "slug": "vibrating-comfort-ring",
        "name": "Vibrating Comfort Ring",
        "brand": "Quiet Orbit",
        "category": "vibrators",
        "description": (
            "A soft, stretchy silicone ring, 3.5 cm across, with a small rechargeable motor "
            "for shared external vibration. Three settings, waterproof. "
            "Wash with warm soapy water and use a water-based lube."
        ),
        "price": "24.00",
        "stock": 15,
        "published": True,
        "featured": False,
        "levels": ["beginner", "experienced"],
        "materials": ["silicone"],
        "attributes": {"vibrator_type": "ring", "placement": "external", "waterproof": True},
        "notes": ["vibe-ring-20-minutes", "silicone-toy-lube"],
    },
    {
        "sku": "SW-VIB-010",
        "slug": "travel-bullet",
        "name": "Travel Bullet",
        "brand": "Kindred Works",
        "category": "vibrators",
        "description": (
            "A 6 cm ABS bullet with a twist-lock cap and one AAA battery, small enough for "
            "any wash bag. Two settings. It is not waterproof, so wipe it clean with a damp "
            "cloth and a toy cleaner."
        ),
        "price": "12.00",
        "stock": 0,
        "published": True,
        "featured": False,
        "levels": ["beginner"],
        "materials": ["abs-plastic"],
        "attributes": {"vibrator_type": "bullet", "placement": "external", "waterproof": False},
        "notes": ["vibe-not-waterproof"],
    },
    {
        "sku": "SW-VIB-011",
        "slug": "quiet-curve-massager",
        "name": "Quiet Curve Massager",
        "brand": "Fernhollow",
        "category": "vibrators",
        "description": (
            "A gently curved 18 cm silicone massager with a flared base and a low, quiet "
            "motor. Waterproof and USB rechargeable; wash with warm soapy water. "
            "Coming soon once our testers have finished with it."
        ),
        "price": "64.00",
        "stock": 7,
        "published": False,
        "featured": False,
        "levels": ["experienced"],
        "materials": ["silicone"],
        "attributes": {"vibrator_type": "massager", "placement": "internal", "waterproof": True},
        "notes": ["silicone-toy-lube"],
    },
]
