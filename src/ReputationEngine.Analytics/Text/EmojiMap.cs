using System.Collections.Frozen;
using System.Text;

namespace ReputationEngine.Analytics.Text;

/// <summary>
/// Maps common emoji to the text emoticon (or word) people use for the same feeling, so the
/// model's knowledge of ":)" or "&lt;3" covers "🙂" and "❤" as well. Emoji not listed are skipped.
/// </summary>
public static class EmojiMap
{
    private static readonly FrozenDictionary<int, string> Map = Build(wide: false);
    private static readonly FrozenDictionary<int, string> WideMap = Build(wide: true);

    public static string? Lookup(Rune rune) => Map.GetValueOrDefault(rune.Value);

    /// <summary>Like <see cref="Lookup(Rune)"/>; <paramref name="wide"/> adds the emoji of <c>SocialRules.Emoji</c> (a model trained without them must not see them).</summary>
    public static string? Lookup(Rune rune, bool wide) => (wide ? WideMap : Map).GetValueOrDefault(rune.Value);

    /// <summary>🙄 and 🙃: said with a straight face, meant the other way.</summary>
    public static bool IsSarcasm(Rune rune) => rune.Value is 0x1F644 or 0x1F643;

    private static FrozenDictionary<int, string> Build(bool wide)
    {
        var map = new Dictionary<int, string>();
        void Add(string canonical, params int[] codePoints)
        {
            foreach (var cp in codePoints)
            {
                map[cp] = canonical;
            }
        }

        // Smiles and approval.
        Add(":)", 0x1F600, 0x1F603, 0x1F604, 0x1F601, 0x1F60A, 0x1F642, 0x263A, 0x1F607, 0x1F60C, 0x1F44D, 0x1F44F,
            0x1F64C, 0x1F389, 0x1F973, 0x2728, 0x1F4AF, 0x1F60E, 0x1F917, 0x1F929, 0x1F31F, 0x2705, 0x1F44C, 0x1F64F);
        Add(":D", 0x1F606, 0x1F605);
        Add(";)", 0x1F609, 0x1F61C);
        Add("lol", 0x1F602, 0x1F923);

        // Love.
        Add("<3", 0x1F60D, 0x1F970, 0x1F618, 0x2764, 0x1F495, 0x1F496, 0x1F497, 0x1F493, 0x1F49E, 0x1F498, 0x2665,
            0x1F49C, 0x1F499, 0x1F49A, 0x1F49B, 0x1F9E1, 0x1F5A4);

        // Sadness, disappointment, disgust, anger.
        Add(":(", 0x1F61E, 0x1F614, 0x1F61F, 0x1F641, 0x2639, 0x1F629, 0x1F62B, 0x1F44E, 0x1F922, 0x1F92E, 0x1F623,
            0x1F616, 0x1F625, 0x1F630, 0x1F628, 0x1F631, 0x1F480, 0x1F4A9);
        Add(":'(", 0x1F622, 0x1F62D);
        Add(":/", 0x1F615, 0x1F612, 0x1F644, 0x1F611, 0x1F928);
        Add(">:(", 0x1F620, 0x1F621, 0x1F92C, 0x1F624, 0x1F47F);
        Add("</3", 0x1F494);
        Add(":|", 0x1F610, 0x1F636);
        if (wide)
        {
            // Praise and delight as posted: fire, muscle, star, trophy, rocket, yum, toasts, handshake, crown.
            Add(":)", 0x1F525, 0x1F4AA, 0x2B50, 0x1F3C6, 0x1F680, 0x1F60B, 0x1F924, 0x1F38A, 0x1F942, 0x1F37E, 0x1F91D,
                0x1F451, 0x270C, 0x1F919, 0x1F638, 0x1F979);
            Add("<3", 0x1F63B, 0x1FAF6, 0x1F90D, 0x1F90E, 0x1F49D, 0x1F48C);
            Add("lol", 0x1F639);

            // Mockery, resignation, facepalm, grimace, melting, upside-down smile (sarcasm).
            Add(":/", 0x1F972, 0x1F926, 0x1F62C, 0x1FAE0, 0x1FAE4, 0x1F643, 0x1F613, 0x1F62A);
            Add(":(", 0x1F921, 0x1F626, 0x1F627, 0x1F635, 0x1F912, 0x1F915, 0x274C, 0x1F6AB, 0x1F63F);
            Add(">:(", 0x1F63E, 0x1F595);
        }

        return map.ToFrozenDictionary();
    }
}
