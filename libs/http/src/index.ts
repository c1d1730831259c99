// Public API of @llm-router/http: the upstream HTTP transport (got with keep-alive pools).
export { GotTransport } from './got-transport.js';
export { KeepAliveAgents, type AgentPair, type KeepAliveAgentOptions } from './keep-alive-agents.js';
export { classifyNetworkError } from './classify-network-error.js';
export { fetchImage, type FetchedImage, type FetchImageOptions } from './fetch-image.js';
export { isPrivateAddress } from './private-networks.js';
