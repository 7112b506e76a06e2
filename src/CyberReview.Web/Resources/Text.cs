namespace CyberReview.Web.Resources;

/// <summary>The interface text: Text.resx (English) and Text.zh-CN.resx (简体中文), with symbolic keys.</summary>
public sealed class Text;
