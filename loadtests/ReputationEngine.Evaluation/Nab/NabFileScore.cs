namespace ReputationEngine.Evaluation.Nab;

/// <summary>One file's NAB result: raw weighted score, null and perfect scores, and counts.</summary>
public sealed record NabFileScore(string Name, double Raw, double Null, double Perfect, int TruePositives, int FalsePositives, int FalseNegatives);
