namespace ReputationEngine.Analytics.Text;

/// <summary>Surface cues of a token that carry emphasis in social text.</summary>
[Flags]
public enum TokenFlags : byte
{
    None = 0,

    /// <summary>Written in capitals ("GREAT"), at least two letters.</summary>
    AllCaps = 1,

    /// <summary>A letter repeated three times or more ("sooo") was shortened.</summary>
    Elongated = 2,

    /// <summary>An explicit sarcasm marker: 🙄, 🙃 or "/s" (the last only when the tokenizer reads it).</summary>
    Sarcasm = 4,
}
