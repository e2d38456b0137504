namespace Heliodesk.Features.Workforce;

/// <summary>One hour as the coverage table shows it: when it starts, what it says ("2/3"), and how many agents it is short.</summary>
public sealed record CoverageCell(DateTimeOffset Start, string Text, int Short);
