// An app module that fails while loading, as one reading a missing secret would.
throw new Error('DINGTALK_SECRET is not set');
