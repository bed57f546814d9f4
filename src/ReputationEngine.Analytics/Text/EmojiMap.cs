using System.Collections.Frozen;
using System.Text;

namespace ReputationEngine.Analytics.Text;

/// <summary>
/// Maps common emoji to the text emoticon (or word) people use for the same feeling, so the
/// model's knowledge of ":)" or "&lt;3" covers "🙂" and "❤" as well. Emoji not listed are skipped.
/// </summary>
public static class EmojiMap
{
    private static readonly FrozenDictionary<int, string> Map = Build();

    public static string? Lookup(Rune rune) => Map.GetValueOrDefault(rune.Value);

    private static FrozenDictionary<int, string> Build()
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
        return map.ToFrozenDictionary();
    }
}
