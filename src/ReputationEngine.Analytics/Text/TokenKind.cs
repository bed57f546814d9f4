namespace ReputationEngine.Analytics.Text;

/// <summary>What a token is; the featurizer treats each kind differently.</summary>
public enum TokenKind : byte
{
    Word,
    Emoticon,
    Hashtag,
    Mention,
    Url,
    Number,
    Punctuation,
}
