namespace Heliodesk.Common;

/// <summary>A request that breaks a business rule; answered as a 400 problem naming the field.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
