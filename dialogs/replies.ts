import type { Reply } from '../src/channels/reply';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { Topic } from '../src/kb/loadKnowledge';

/** Starting points offered when the user has not asked anything yet, or asked something we cannot answer. */
const STARTER_TOPICS = ['therapy.which', 'stretch.overview', 'cause.overview', 'safety.see-physician'];
export const MORE_ACTION = 'Tell me more';
export const SOMETHING_ELSE = 'Something else';

/** The words the bot uses outside topic answers, kept together so the voice stays the same. */
export class Replies {
  constructor(private readonly index: KnowledgeIndex) {}

  welcome(): Reply {
    return {
      text:
        "Hi, I'm BackCare, here to help with lower back pain. I can tell you about massage (Swedish, hot stone, Thai), " +
        'self-massage, stretches, what often causes back pain, everyday habits that help, and when to see a doctor.\n\n' +
        'I give general information, not a diagnosis. Ask me anything in your own words, or pick a topic below. ' +
        'Say **help** at any time.',
      actions: this.titles(STARTER_TOPICS),
    };
  }

  help(): Reply {
    return this.topic(this.required('bot.help'));
  }

  topic(topic: Topic): Reply {
    const actions = topic.more ? [MORE_ACTION] : [];
    return { text: topic.answer, actions: [...actions, ...this.titles(topic.related)] };
  }

  more(topic: Topic | undefined): Reply {
    if (!topic)
      return {
        text: 'More about what? Ask me a question and I can go into detail.',
        actions: this.titles(STARTER_TOPICS),
      };
    if (!topic.more) {
      return {
        text: `That's everything I have on ${lowerFirst(topic.title)}. Related topics:`,
        actions: this.titles(topic.related),
      };
    }
    return { text: topic.more, actions: this.titles(topic.related) };
  }

  /** The closest topics, and a way out, for the user to pick from. */
  unsure(candidates: string[]): Reply {
    return {
      text: "I'm not completely sure what you're asking. Did you mean one of these? If not, try putting it another way.",
      actions: [...this.titles(candidates), SOMETHING_ELSE],
    };
  }

  somethingElse(): Reply {
    return { text: 'No problem. Could you tell me a bit more about what you would like to know?' };
  }

  noMatch(): Reply {
    return {
      text:
        "Sorry, I can't help with that one. I can answer questions about lower back pain: massage, self-massage, " +
        'stretches, causes, everyday habits and when to see a doctor. For anything else about your health, please ask a doctor or pharmacist.',
      actions: this.titles(STARTER_TOPICS),
    };
  }

  greeting(): Reply {
    return { text: 'Hello! What would you like to know about lower back care?', actions: this.titles(STARTER_TOPICS) };
  }

  thanks(): Reply {
    return { text: "You're welcome. Is there anything else I can help with?" };
  }

  goodbye(): Reply {
    return { text: 'Take care of your back. You can come back any time.' };
  }

  cancelled(): Reply {
    return { text: "OK, I've stopped. What would you like to do next?", actions: this.titles(STARTER_TOPICS) };
  }

  heldForClinician(): Reply {
    return {
      text:
        "Because of what you told me earlier, I won't suggest stretches or self-massage until a doctor or another " +
        'clinician has checked you. Once they have, tell me "I\'ve been checked by a doctor" and we can go on. ' +
        'I can still answer general questions.',
      actions: this.titles(['safety.red-flags', 'safety.see-physician']),
    };
  }

  clinicianChecked(): Reply {
    return {
      text: "Thank you, I'm glad you've been checked. Follow what your clinician advised; I can go on with general tips on stretches and massage.",
      actions: this.titles(STARTER_TOPICS),
    };
  }

  forgotten(): Reply {
    return { text: "Done. I've deleted everything I had stored about you. If you write again, we start fresh." };
  }

  keptData(): Reply {
    return {
      text: "OK, I haven't deleted anything. What would you like to do next?",
      actions: this.titles(STARTER_TOPICS),
    };
  }

  notText(): Reply {
    return { text: 'I can only read text messages for now. Please type your question.' };
  }

  private titles(ids: string[]): string[] {
    return ids.map((id) => this.index.topics.get(id)?.title).filter((title): title is string => title !== undefined);
  }

  private required(id: string): Topic {
    const topic = this.index.topics.get(id);
    if (!topic) throw new Error(`knowledge base has no "${id}" topic`);
    return topic;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
