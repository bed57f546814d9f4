namespace ReputationEngine.Analytics.Text;

/// <summary>One token: its normalized text is <c>Length</c> chars at <c>Start</c> in <see cref="TokenBuffer.Chars"/>.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags);
