namespace Heliodesk.Features.HelpCenter;

/// <summary>
/// The help center's strings: HelpCenterText.resx (English) with .es and .zh-Hans translations, kept
/// in step by a unit test so no customer meets an untranslated string.
/// </summary>
public sealed class HelpCenterText;
