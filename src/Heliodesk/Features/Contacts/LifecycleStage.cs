namespace Heliodesk.Features.Contacts;

/// <summary>Where a customer is in their life with the product; weights feedback and reports.</summary>
public enum LifecycleStage { Prospect, Trial, New, Established, Churned }
