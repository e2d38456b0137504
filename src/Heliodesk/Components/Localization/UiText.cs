namespace Heliodesk.Components.Localization;

/// <summary>
/// The agent workspace's strings: UiText.resx (English) with UiText.es.resx and UiText.zh-Hans.resx.
/// A unit test keeps the three in step, so no visible string goes untranslated.
/// </summary>
public sealed class UiText;
