import type { Template } from '../../domain/ai-receptionists/ai-receptionist-catalogue.ts';
import type { DefaultAction } from '../../domain/ai-receptionists/ai-receptionist-types.ts';
import type { IntentView } from '../../domain/ai-receptionists/intent-service.ts';
import type { KnowledgeBaseView } from '../../domain/ai-receptionists/knowledge-base-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { StoredAiReceptionist, StoredDocument } from '../../store/ai-receptionists-store.ts';
import type { Location } from '../../store/store.ts';

export const aiReceptionistId = (id: string) => encodeId('AI_RECEPTIONIST', id);
export const intentId = (id: string) => encodeId('INTENT', id);
export const knowledgeBaseId = (id: string) => encodeId('KNOWLEDGE_BASE', id);
export const documentId = (id: string) => encodeId('KB_DOCUMENT', id);
export const templateId = (id: string) => encodeId('TEMPLATE', id);

/** esn is the routing prefix + extension, or the extension alone where the location has no prefix. */
const line = (r: StoredAiReceptionist, routingPrefix: string | null) => ({
  ...(r.phoneNumber ? { phoneNumber: r.phoneNumber } : {}),
  ...(r.extension !== null ? { extension: r.extension, esn: `${routingPrefix ?? ''}${r.extension}` } : {}),
  ...(routingPrefix !== null ? { routingPrefix } : {}),
});

export const presentListItem = (r: StoredAiReceptionist, location: Location | undefined) => ({
  id: aiReceptionistId(r.id),
  name: r.name,
  ...line(r, location?.routingPrefix ?? null),
  location: { id: encodeId('LOCATION', r.locationId), name: location?.name ?? '' },
});

/** transferToNumber is what the caller is sent to when the action names a number rather than a contact. */
function presentDefaultAction(a: DefaultAction, transferTo: unknown) {
  if (a.actionType === 'PLAY_MESSAGE_AND_DISCONNECT') {
    return {
      actionType: a.actionType,
      audioMessageSelection: a.audioMessageSelection,
      ...(a.audioFile ? { audioFile: { ...a.audioFile, id: encodeId('ANNOUNCEMENT', a.audioFile.id), isTextToSpeech: false } } : {}),
    };
  }
  return { actionType: a.actionType, ...(a.transferToNumber !== undefined ? { transferToNumber: a.transferToNumber } : {}), ...(transferTo ? { transferTo } : {}) };
}

export function presentAiReceptionist(r: StoredAiReceptionist, location: Location, intentCount: number, defaultTransferTo: unknown) {
  const s = r.settings;
  const agent = s.aiAgent;
  return {
    id: aiReceptionistId(r.id),
    name: r.name,
    enabled: r.enabled,
    ...line(r, location.routingPrefix),
    alternateNumbers: s.alternateNumbers.map((a) => ({ phoneNumber: a.phoneNumber, tollFreeNumber: false, ringPattern: a.ringPattern })),
    directLineCallerIdName: s.directLineCallerIdName,
    ...(s.dialByName !== undefined ? { dialByName: s.dialByName } : {}),
    defaultAction: presentDefaultAction(s.defaultAction, defaultTransferTo),
    aiAgent: {
      agentId: encodeId('AI_AGENT', agent.agentId),
      voice: agent.voice,
      ...(r.knowledgeBaseId !== null ? { knowledgeBaseId: knowledgeBaseId(r.knowledgeBaseId) } : {}),
      guidelines: agent.guidelines,
      transparencySettings: { enabled: agent.transparencySettings.enabled, ...(agent.transparencySettings.message !== undefined ? { message: agent.transparencySettings.message } : {}) },
    },
    intentCount,
  };
}

export const presentIntentItem = (i: IntentView) => ({ id: intentId(i.id), name: i.name, transferTo: i.target });

export const presentIntent = (i: IntentView) => ({ id: intentId(i.id), name: i.name, description: i.description, transferTo: i.target });

export const presentTemplateItem = (t: Template) => ({ id: templateId(t.id), name: t.name });

export const presentTemplate = (t: Template, defaultTransparencyMessage: string) => ({
  id: templateId(t.id),
  name: t.name,
  goal: t.goal,
  welcomeMessage: t.welcomeMessage,
  guideline: t.guideline,
  defaultTransparencyMessage,
});

export const presentKnowledgeBase = (k: KnowledgeBaseView) => ({
  id: knowledgeBaseId(k.id),
  name: k.name,
  ...(k.description !== null ? { description: k.description } : {}),
  documentsCount: k.documentsCount,
  filesCount: k.filesCount,
  filesSize: k.filesSize,
  createdAt: k.created,
  updatedAt: k.lastModified,
  mappedBots: k.mappedBots.map((r) => ({
    id: aiReceptionistId(r.id),
    connectedAt: r.settings.knowledgeBaseConnectedAt ?? r.created,
    agentId: encodeId('AI_AGENT', r.settings.aiAgent.agentId),
    name: r.name,
  })),
});

/** A list item as the document describes it: the name and the text the receptionist answers from. */
export const presentDocumentItem = (d: StoredDocument) => ({ id: documentId(d.id), name: d.name, text: d.content });

export const presentDocument = (d: StoredDocument) => ({
  id: documentId(d.id),
  knowledgeBaseId: knowledgeBaseId(d.knowledgeBaseId),
  name: d.name,
  content: d.content,
  ...(d.fileName !== null ? { fileName: d.fileName } : {}),
  fileSize: d.fileSize,
  knowledgeType: d.knowledgeType,
  status: 'success' as const,
  createdAt: d.created,
  updatedAt: d.lastModified,
});
