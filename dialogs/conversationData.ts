/** What the conversation remembers between turns, beside the dialog stack. */
export interface ConversationData {
  /** The last topic answered, for "tell me more". */
  lastTopicId?: string;
  /** The category of a warning sign reported in this conversation. */
  warningSign?: string;
  /** Whether the user has since said a clinician checked them. */
  clinicianChecked?: boolean;
}

export function warningSignUnchecked(data: ConversationData): boolean {
  return data.warningSign !== undefined && !data.clinicianChecked;
}
